/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_unlinkat, or the fentry of its kernel function (lib/syscall.h). unlinkat(dfd, pathname, flag); flag AT_REMOVEDIR makes it an rmdir. */
#include "change.h"

TAPIO_SYSCALL_ENTER(unlinkat, tapio_enter_unlinkat)
{
	tapio_change_enter(TAPIO_CHG_UNLINKAT, tapio_arg(sys, 1), tapio_arg(sys, 2), TAPIO_NO_BASE, 0, 0, tapio_arg(sys, 3));
	return 0;
}
