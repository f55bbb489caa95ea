/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_mkdirat. Reports the change remembered at sys_enter_mkdirat with its result. */
#include "change.h"

SEC("tracepoint/syscalls/sys_exit_mkdirat")
int tapio_exit_mkdirat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_change_exit(ctx, ctx->ret);
	return 0;
}
