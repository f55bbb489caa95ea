/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_bind. bind(fd, umyaddr, addrlen): the address bound. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_bind")
int tapio_deny_bind(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_BIND, TAPIO_DENY_SOCKADDR, 2);
	return 0;
}
