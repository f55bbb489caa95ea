/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setresgid, or the fentry of its kernel function (lib/syscall.h). setresgid(rgid, egid, sgid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setresgid, tapio_enter_setresgid)
{
	tapio_priv_enter(TAPIO_PRIV_SETRESGID, tapio_arg(sys, 1), tapio_arg(sys, 2), tapio_arg(sys, 3), 0);
	return 0;
}
