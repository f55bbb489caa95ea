/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setreuid, or the fentry of its kernel function (lib/syscall.h). setreuid(ruid, euid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setreuid, tapio_enter_setreuid)
{
	tapio_priv_enter(TAPIO_PRIV_SETREUID, tapio_arg(sys, 1), tapio_arg(sys, 2), 0, 0);
	return 0;
}
