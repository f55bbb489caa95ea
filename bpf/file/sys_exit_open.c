/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_open. Reports the open remembered at sys_enter_open with its result. */
#include "open.h"

SEC("tracepoint/syscalls/sys_exit_open")
int tapio_exit_open(struct trace_event_raw_sys_exit *ctx)
{
	tapio_open_exit(ctx, ctx->ret);
	tapio_frame_release();
	return 0;
}
