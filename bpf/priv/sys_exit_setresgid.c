/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setresgid. Reports the call remembered at sys_enter_setresgid with its result. */
#include "priv.h"

SEC("tracepoint/syscalls/sys_exit_setresgid")
int tapio_exit_setresgid(struct trace_event_raw_sys_exit *ctx)
{
	tapio_priv_exit(ctx, ctx->ret);
	return 0;
}
