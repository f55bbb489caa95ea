/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_umount. umount2(target, flags); the tracepoint is named after the kernel function, umount. */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_umount")
int tapio_enter_umount(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter_str(TAPIO_PRIV_UMOUNT, ctx->args[1], ctx->args[0], 0, 0);
	return 0;
}
