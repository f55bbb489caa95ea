/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setfsuid. setfsuid(uid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setfsuid")
int tapio_enter_setfsuid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETFSUID, ctx->args[0], 0, 0, 0);
	return 0;
}
