/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_renameat, or the fentry of its kernel function (lib/syscall.h). renameat(olddfd, oldname, newdfd, newname). */
#include "change.h"

TAPIO_SYSCALL_ENTER(renameat, tapio_enter_renameat)
{
	tapio_change_enter(TAPIO_CHG_RENAMEAT, tapio_arg(sys, 1), tapio_arg(sys, 2), tapio_arg(sys, 3), tapio_arg(sys, 4), 0, 0);
	return 0;
}
