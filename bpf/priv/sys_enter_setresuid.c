/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setresuid, or the fentry of its kernel function (lib/syscall.h). setresuid(ruid, euid, suid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setresuid, tapio_enter_setresuid)
{
	tapio_priv_enter(TAPIO_PRIV_SETRESUID, tapio_arg(sys, 1), tapio_arg(sys, 2), tapio_arg(sys, 3), 0);
	return 0;
}
