/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_unlink. unlink(pathname). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_unlink")
int tapio_enter_unlink(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_UNLINK, TAPIO_AT_FDCWD, ctx->args[0], TAPIO_NO_BASE, 0, 0, 0);
	return 0;
}
