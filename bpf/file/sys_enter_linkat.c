/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_linkat. linkat(olddfd, oldname, newdfd, newname, flags). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_linkat")
int tapio_enter_linkat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_LINKAT, ctx->args[0], ctx->args[1], ctx->args[2], ctx->args[3], 0,
			   ctx->args[4]);
	return 0;
}
