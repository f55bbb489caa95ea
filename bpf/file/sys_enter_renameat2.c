/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_renameat2. renameat2(olddfd, oldname, newdfd, newname, flags). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_renameat2")
int tapio_enter_renameat2(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_RENAMEAT2, ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3], 0,
			   ctx->args[4]);
	return 0;
}
