/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_rmdir, or the fentry of its kernel function (lib/syscall.h). rmdir(pathname). */
#include "change.h"

TAPIO_SYSCALL_ENTER(rmdir, tapio_enter_rmdir)
{
	tapio_change_enter(TAPIO_CHG_RMDIR, TAPIO_AT_FDCWD, tapio_arg(sys, 1), TAPIO_NO_BASE, 0, 0, 0);
	return 0;
}
