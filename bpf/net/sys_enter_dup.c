/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_dup. dup(fildes): remembered when the old fd is a socket. */
#include "dup.h"

SEC("tracepoint/syscalls/sys_enter_dup")
int tapio_enter_dup(struct trace_event_raw_sys_enter *ctx)
{
	tapio_dup_enter(TAPIO_SOCK_DUP, ctx->args[0], -1);
	return 0;
}
