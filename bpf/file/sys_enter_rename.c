/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_rename. rename(oldname, newname). */
#define TAPIO_CHANGE_ARGS_OWNER
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_rename")
int tapio_enter_rename(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_RENAME, TAPIO_AT_FDCWD, ctx->args[0], TAPIO_AT_FDCWD, ctx->args[1], 0, 0);
	return 0;
}
