/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setfsuid, or the fentry of its kernel function (lib/syscall.h). setfsuid(uid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setfsuid, tapio_enter_setfsuid)
{
	tapio_priv_enter(TAPIO_PRIV_SETFSUID, tapio_arg(sys, 1), 0, 0, 0);
	return 0;
}
