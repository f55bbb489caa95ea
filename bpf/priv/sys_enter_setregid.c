/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setregid. setregid(rgid, egid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setregid")
int tapio_enter_setregid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETREGID, ctx->args[0], ctx->args[1], 0, 0);
	return 0;
}
