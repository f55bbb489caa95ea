/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setresuid. setresuid(ruid, euid, suid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setresuid")
int tapio_enter_setresuid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETRESUID, ctx->args[0], ctx->args[1], ctx->args[2], 0);
	return 0;
}
