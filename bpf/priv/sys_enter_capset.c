/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_capset, or the fentry of its kernel function (lib/syscall.h). capset(header, data): the capability sets after the call are read from the task. */
#include "priv.h"

TAPIO_SYSCALL_ENTER(capset, tapio_enter_capset)
{
	tapio_priv_enter(TAPIO_PRIV_CAPSET, 0, 0, 0, 0);
	return 0;
}
