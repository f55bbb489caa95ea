/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_rmdir. rmdir(pathname). */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_rmdir")
int tapio_enter_rmdir(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_RMDIR, TAPIO_AT_FDCWD, ctx->args[0], TAPIO_NO_BASE, 0, 0, 0);
	return 0;
}
