/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_symlinkat, or the fentry of its kernel function (lib/syscall.h). symlinkat(oldname, newdfd, newname). */
#include "change.h"

TAPIO_SYSCALL_ENTER(symlinkat, tapio_enter_symlinkat)
{
	tapio_change_enter(TAPIO_CHG_SYMLINKAT, tapio_arg(sys, 2), tapio_arg(sys, 3), TAPIO_NO_BASE, tapio_arg(sys, 1), 0, 0);
	return 0;
}
