/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_fchmodat. fchmodat(dfd, filename, mode). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_fchmodat")
int tapio_enter_fchmodat(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_FCHMODAT, ctx->args[0], ctx->args[1], TAPIO_NO_BASE, 0, ctx->args[2], 0);
	return 0;
}
