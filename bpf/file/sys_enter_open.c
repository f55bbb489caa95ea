/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_open. open(filename, flags, mode), relative to the cwd. */
#define TAPIO_OPEN_ARGS_OWNER
#define TAPIO_FILTER_OWNER
#include "open.h"

SEC("tracepoint/syscalls/sys_enter_open")
int tapio_enter_open(struct trace_event_raw_sys_enter *ctx)
{
	tapio_open_enter(TAPIO_OPEN_OPEN, TAPIO_AT_FDCWD, ctx->args[0], ctx->args[1], ctx->args[2]);
	tapio_frame_release();
	return 0;
}
