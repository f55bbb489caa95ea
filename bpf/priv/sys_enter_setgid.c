/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_setgid. setgid(gid). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_setgid")
int tapio_enter_setgid(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_SETGID, ctx->args[0], 0, 0, 0);
	return 0;
}
