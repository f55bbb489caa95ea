/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setns, or the fentry of its kernel function (lib/syscall.h). setns(fd, nstype). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setns, tapio_enter_setns)
{
	tapio_priv_enter(TAPIO_PRIV_SETNS, tapio_arg(sys, 1), tapio_arg(sys, 2), 0, 0);
	return 0;
}
