/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_link. link(oldname, newname). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_link")
int tapio_enter_link(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_LINK, TAPIO_AT_FDCWD, ctx->args[0], TAPIO_AT_FDCWD, ctx->args[1], 0, 0);
	return 0;
}
