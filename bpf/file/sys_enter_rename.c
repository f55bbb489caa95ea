/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_rename, or the fentry of its kernel function (lib/syscall.h). rename(oldname, newname). */
#define TAPIO_CHANGE_ARGS_OWNER
#include "change.h"

TAPIO_SYSCALL_ENTER(rename, tapio_enter_rename)
{
	tapio_change_enter(TAPIO_CHG_RENAME, TAPIO_AT_FDCWD, tapio_arg(sys, 1), TAPIO_AT_FDCWD, tapio_arg(sys, 2), 0, 0);
	return 0;
}
