/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_mkdir, or the fentry of its kernel function (lib/syscall.h). mkdir(pathname, mode). */
#include "change.h"

TAPIO_SYSCALL_ENTER(mkdir, tapio_enter_mkdir)
{
	tapio_change_enter(TAPIO_CHG_MKDIR, TAPIO_AT_FDCWD, tapio_arg(sys, 1), TAPIO_NO_BASE, 0, tapio_arg(sys, 2), 0);
	return 0;
}
