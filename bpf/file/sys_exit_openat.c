/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_openat. Reports the open remembered at sys_enter_openat with its result. */
#include "open.h"

SEC("tracepoint/syscalls/sys_exit_openat")
int tapio_exit_openat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_open_exit(ctx, ctx->ret);
	tapio_frame_release();
	return 0;
}
