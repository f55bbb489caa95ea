/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_symlinkat. symlinkat(oldname, newdfd, newname). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_symlinkat")
int tapio_enter_symlinkat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_SYMLINKAT, ctx->args[1], ctx->args[2], TAPIO_NO_BASE, ctx->args[0], 0, 0);
	return 0;
}
