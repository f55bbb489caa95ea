/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_fchmod. fchmod(fd, mode): the path is the file behind fd. */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_fchmod")
int tapio_enter_fchmod(struct trace_event_raw_sys_enter *ctx)
{
	tapio_fchmod_enter(ctx->args[0], ctx->args[1]);
	return 0;
}
