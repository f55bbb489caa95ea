/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_dup3. dup3(oldfd, newfd, flags): remembered when the old fd is a socket. */
#include "dup.h"

SEC("tracepoint/syscalls/sys_enter_dup3")
int tapio_enter_dup3(struct trace_event_raw_sys_enter *ctx)
{
	tapio_dup_enter(TAPIO_SOCK_DUP3, ctx->args[0], ctx->args[1]);
	return 0;
}
