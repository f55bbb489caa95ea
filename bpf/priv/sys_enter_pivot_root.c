/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_pivot_root. pivot_root(new_root, put_old). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_pivot_root")
int tapio_enter_pivot_root(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter_str(TAPIO_PRIV_PIVOT_ROOT, 0, ctx->args[0], ctx->args[1], 0);
	return 0;
}
