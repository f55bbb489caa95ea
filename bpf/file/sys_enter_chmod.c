/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_chmod. chmod(filename, mode). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_chmod")
int tapio_enter_chmod(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_CHMOD, TAPIO_AT_FDCWD, ctx->args[0], TAPIO_NO_BASE, 0, ctx->args[1], 0);
	return 0;
}
