/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_unshare. unshare(flags). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_unshare")
int tapio_enter_unshare(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter(TAPIO_PRIV_UNSHARE, ctx->args[0], 0, 0, 0);
	return 0;
}
