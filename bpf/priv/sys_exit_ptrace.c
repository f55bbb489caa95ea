/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_ptrace, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_ptrace with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(ptrace, tapio_exit_ptrace)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
