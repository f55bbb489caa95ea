/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setregid, or the fentry of its kernel function (lib/syscall.h). setregid(rgid, egid). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(setregid, tapio_enter_setregid)
{
	tapio_priv_enter(TAPIO_PRIV_SETREGID, tapio_arg(sys, 1), tapio_arg(sys, 2), 0, 0);
	return 0;
}
