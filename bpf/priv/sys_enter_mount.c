/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_mount. mount(source, target, fstype, flags, data): the flags, then the three strings. */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_mount")
int tapio_enter_mount(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter_str(TAPIO_PRIV_MOUNT, ctx->args[3], ctx->args[0], ctx->args[1], ctx->args[2]);
	return 0;
}
