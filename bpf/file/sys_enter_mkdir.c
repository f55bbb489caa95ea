/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_mkdir. mkdir(pathname, mode). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_mkdir")
int tapio_enter_mkdir(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_MKDIR, TAPIO_AT_FDCWD, ctx->args[0], TAPIO_NO_BASE, 0, ctx->args[1], 0);
	return 0;
}
