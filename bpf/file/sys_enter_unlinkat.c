/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_unlinkat. unlinkat(dfd, pathname, flag); flag AT_REMOVEDIR makes it an rmdir. */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_unlinkat")
int tapio_enter_unlinkat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_UNLINKAT, ctx->args[0], ctx->args[1], TAPIO_NO_BASE, 0, 0, ctx->args[2]);
	return 0;
}
