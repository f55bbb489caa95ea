/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_accept4. The accepted connection, see tapio_accepted in lib/net.h. */
#include "net.h"

SEC("tracepoint/syscalls/sys_exit_accept4")
int tapio_exit_accept4(struct trace_event_raw_sys_exit *ctx)
{
	return tapio_accepted(ctx, TAPIO_SOCK_ACCEPT4);
}
