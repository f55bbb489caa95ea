/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_creat. creat(pathname, mode) = open(pathname, O_CREAT|O_WRONLY|O_TRUNC, mode). */
#include "open.h"

SEC("tracepoint/syscalls/sys_enter_creat")
int tapio_enter_creat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_open_enter(TAPIO_OPEN_CREAT, TAPIO_AT_FDCWD, ctx->args[0],
			 TAPIO_O_CREAT | TAPIO_O_WRONLY | TAPIO_O_TRUNC, ctx->args[1]);
	tapio_frame_release();
	return 0;
}
