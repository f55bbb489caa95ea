/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_ptrace, or the fexit of its kernel function (lib/syscall.h). ptrace(request, pid, ...): the target pid. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(ptrace, tapio_deny_ptrace)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_PTRACE, TAPIO_DENY_NUMBER, 2);
	return 0;
}
