/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_listen. listen(fd, backlog): remembers the fd. */
#include "net.h"

SEC("tracepoint/syscalls/sys_enter_listen")
int tapio_enter_listen(struct trace_event_raw_sys_enter *ctx)
{
	tapio_sock_enter(TAPIO_SOCK_LISTEN, ctx->args[0], 0, -1);
	return 0;
}
