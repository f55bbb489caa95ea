/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_bind. bind(fd, umyaddr, addrlen): remembers the address asked for. */
#include "net.h"

SEC("tracepoint/syscalls/sys_enter_bind")
int tapio_enter_bind(struct trace_event_raw_sys_enter *ctx)
{
	tapio_sock_enter(TAPIO_SOCK_BIND, ctx->args[0], ctx->args[1], -1);
	return 0;
}
