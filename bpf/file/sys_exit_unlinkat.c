/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_unlinkat. Reports the change remembered at sys_enter_unlinkat with its result. */
#include "change.h"

SEC("tracepoint/syscalls/sys_exit_unlinkat")
int tapio_exit_unlinkat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_change_exit(ctx, ctx->ret);
	return 0;
}
