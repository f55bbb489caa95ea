/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setreuid. setreuid(ruid, euid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setreuid")
int tapio_enter_setreuid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETREUID, ctx->args[0], ctx->args[1], 0, 0);
	return 0;
}
