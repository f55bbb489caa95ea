/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_dup2. Reports a dup2 of a socket with the new fd. */
#include "dup.h"

SEC("tracepoint/syscalls/sys_exit_dup2")
int tapio_exit_dup2(struct trace_event_raw_sys_exit *ctx)
{
	tapio_dup_exit(ctx, TAPIO_SOCK_DUP2, ctx->ret);
	return 0;
}
