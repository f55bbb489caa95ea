/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_chroot. chroot(path). */
#include "priv.h"

SEC("tracepoint/syscalls/sys_enter_chroot")
int tapio_enter_chroot(struct trace_event_raw_sys_enter *ctx)
{
	tapio_priv_enter_str(TAPIO_PRIV_CHROOT, 0, ctx->args[0], 0, 0);
	return 0;
}
