/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_capset. Reports the call remembered at sys_enter_capset with its result. */
#include "priv.h"

SEC("tracepoint/syscalls/sys_exit_capset")
int tapio_exit_capset(struct trace_event_raw_sys_exit *ctx)
{
	tapio_priv_exit(ctx, ctx->ret);
	return 0;
}
