/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_renameat. Reports the change remembered at sys_enter_renameat with its result. */
#include "change.h"

SEC("tracepoint/syscalls/sys_exit_renameat")
int tapio_exit_renameat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_change_exit(ctx, ctx->ret);
	return 0;
}
