/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_openat2. Reports the open remembered at sys_enter_openat2 with its result. */
#include "open.h"

SEC("tracepoint/syscalls/sys_exit_openat2")
int tapio_exit_openat2(struct trace_event_raw_sys_exit *ctx)
{
	tapio_open_exit(ctx, ctx->ret);
	tapio_frame_release();
	return 0;
}
