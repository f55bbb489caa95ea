/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_creat. Reports the open remembered at sys_enter_creat with its result. */
#include "open.h"

SEC("tracepoint/syscalls/sys_exit_creat")
int tapio_exit_creat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_open_exit(ctx, ctx->ret);
	tapio_frame_release();
	return 0;
}
