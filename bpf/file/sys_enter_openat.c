/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_openat. openat(dfd, filename, flags, mode). */
#include "open.h"

SEC("tracepoint/syscalls/sys_enter_openat")
int tapio_enter_openat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_open_enter(TAPIO_OPEN_OPENAT, ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3]);
	tapio_frame_release();
	return 0;
}
