/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_renameat2. Reports the change remembered at sys_enter_renameat2 with its result. */
#include "change.h"

SEC("tracepoint/syscalls/sys_exit_renameat2")
int tapio_exit_renameat2(struct trace_event_raw_sys_exit *ctx)
{
	tapio_change_exit(ctx, ctx->ret);
	return 0;
}
