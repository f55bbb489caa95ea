/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setuid. setuid(uid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setuid")
int tapio_enter_setuid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETUID, ctx->args[0], 0, 0, 0);
	return 0;
}
