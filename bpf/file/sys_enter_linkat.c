/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_linkat, or the fentry of its kernel function (lib/syscall.h). linkat(olddfd, oldname, newdfd, newname, flags). */
#include "change.h"

TAPIO_SYSCALL_ENTER(linkat, tapio_enter_linkat)
{
	tapio_change_enter(TAPIO_CHG_LINKAT, tapio_arg(sys, 1), tapio_arg(sys, 2), tapio_arg(sys, 3), tapio_arg(sys, 4), 0,
			   tapio_arg(sys, 5));
	return 0;
}
