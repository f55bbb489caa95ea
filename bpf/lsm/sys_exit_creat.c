/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_creat. creat(pathname, mode): the path, relative to the cwd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_creat")
int tapio_deny_creat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_CREAT, TAPIO_DENY_PATH, 1);
	return 0;
}
