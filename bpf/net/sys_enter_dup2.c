/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_dup2. dup2(oldfd, newfd): remembered when the old fd is a socket. */
#include "dup.h"

SEC("tracepoint/syscalls/sys_enter_dup2")
int tapio_enter_dup2(struct trace_event_raw_sys_enter *ctx)
{
	tapio_dup_enter(TAPIO_SOCK_DUP2, ctx->args[0], ctx->args[1]);
	return 0;
}
