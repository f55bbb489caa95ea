/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_renameat. renameat(olddfd, oldname, newdfd, newname). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_renameat")
int tapio_enter_renameat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_RENAMEAT, ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3], 0, 0);
	return 0;
}
