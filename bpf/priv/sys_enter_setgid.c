/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setgid, or the fentry of its kernel function (lib/syscall.h). setgid(gid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setgid, tapio_enter_setgid)
{
	tapio_priv_enter(TAPIO_PRIV_SETGID, tapio_arg(sys, 1), 0, 0, 0);
	return 0;
}
