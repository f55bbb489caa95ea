/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_ptrace. ptrace(request, pid, addr, data). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_ptrace")
int tapio_enter_ptrace(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_PTRACE, ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3]);
	return 0;
}
