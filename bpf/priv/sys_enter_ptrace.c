/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_ptrace, or the fentry of its kernel function (lib/syscall.h). ptrace(request, pid, addr, data). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(ptrace, tapio_enter_ptrace)
{
	tapio_priv_enter(TAPIO_PRIV_PTRACE, tapio_arg(sys, 1), tapio_arg(sys, 2), tapio_arg(sys, 3), tapio_arg(sys, 4));
	return 0;
}
