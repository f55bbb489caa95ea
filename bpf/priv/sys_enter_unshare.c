/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_unshare, or the fentry of its kernel function (lib/syscall.h). unshare(flags). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(unshare, tapio_enter_unshare)
{
	tapio_priv_enter(TAPIO_PRIV_UNSHARE, tapio_arg(sys, 1), 0, 0, 0);
	return 0;
}
