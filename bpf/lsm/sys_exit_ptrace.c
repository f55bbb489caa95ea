/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_ptrace. ptrace(request, pid, ...): the target pid. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_ptrace")
int tapio_deny_ptrace(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_PTRACE, TAPIO_DENY_NUMBER, 2);
	return 0;
}
