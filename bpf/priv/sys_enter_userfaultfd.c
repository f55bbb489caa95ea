/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_userfaultfd, or the fentry of its kernel function (lib/syscall.h). userfaultfd(flags). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(userfaultfd, tapio_enter_userfaultfd)
{
	tapio_priv_enter(TAPIO_PRIV_USERFAULTFD, tapio_arg(sys, 1), 0, 0, 0);
	return 0;
}
