/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_link, or the fentry of its kernel function (lib/syscall.h). link(oldname, newname). */
#include "change.h"

TAPIO_SYSCALL_ENTER(link, tapio_enter_link)
{
	tapio_change_enter(TAPIO_CHG_LINK, TAPIO_AT_FDCWD, tapio_arg(sys, 1), TAPIO_AT_FDCWD, tapio_arg(sys, 2), 0, 0);
	return 0;
}
