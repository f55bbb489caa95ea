/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setuid, or the fentry of its kernel function (lib/syscall.h). setuid(uid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setuid, tapio_enter_setuid)
{
	tapio_priv_enter(TAPIO_PRIV_SETUID, tapio_arg(sys, 1), 0, 0, 0);
	return 0;
}
