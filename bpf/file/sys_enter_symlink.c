/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_symlink, or the fentry of its kernel function (lib/syscall.h). symlink(oldname, newname): the link is newname, its content oldname. */
#include "change.h"

TAPIO_SYSCALL_ENTER(symlink, tapio_enter_symlink)
{
	tapio_change_enter(TAPIO_CHG_SYMLINK, TAPIO_AT_FDCWD, tapio_arg(sys, 2), TAPIO_NO_BASE, tapio_arg(sys, 1), 0, 0);
	return 0;
}
