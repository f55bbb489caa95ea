/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_connect. connect(fd, uservaddr, addrlen): the address connected to. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_connect")
int tapio_deny_connect(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_CONNECT, TAPIO_DENY_SOCKADDR, 2);
	return 0;
}
