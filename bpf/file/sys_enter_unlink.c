/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_unlink, or the fentry of its kernel function (lib/syscall.h). unlink(pathname). */
#include "change.h"

TAPIO_SYSCALL_ENTER(unlink, tapio_enter_unlink)
{
	tapio_change_enter(TAPIO_CHG_UNLINK, TAPIO_AT_FDCWD, tapio_arg(sys, 1), TAPIO_NO_BASE, 0, 0, 0);
	return 0;
}
