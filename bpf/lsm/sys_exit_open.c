/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_open. open(filename, ...): the path, relative to the cwd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_open")
int tapio_deny_open(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_OPEN, TAPIO_DENY_PATH, 1);
	return 0;
}
