/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setfsgid, or the fentry of its kernel function (lib/syscall.h). setfsgid(gid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setfsgid, tapio_enter_setfsgid)
{
	tapio_priv_enter(TAPIO_PRIV_SETFSGID, tapio_arg(sys, 1), 0, 0, 0);
	return 0;
}
