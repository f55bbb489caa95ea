/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setfsgid. setfsgid(gid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setfsgid")
int tapio_enter_setfsgid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETFSGID, ctx->args[0], 0, 0, 0);
	return 0;
}
