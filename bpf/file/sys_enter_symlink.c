/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_symlink. symlink(oldname, newname): the link is newname, its content oldname. */
#include "change.h"

SEC("tracepoint/syscalls/sys_enter_symlink")
int tapio_enter_symlink(struct trace_event_raw_sys_enter *ctx)
{
	tapio_change_enter(TAPIO_CHG_SYMLINK, TAPIO_AT_FDCWD, ctx->args[1], TAPIO_NO_BASE, ctx->args[0], 0, 0);
	return 0;
}
