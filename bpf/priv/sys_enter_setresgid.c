/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setresgid. setresgid(rgid, egid, sgid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setresgid")
int tapio_enter_setresgid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETRESGID, ctx->args[0], ctx->args[1], ctx->args[2], 0);
	return 0;
}
