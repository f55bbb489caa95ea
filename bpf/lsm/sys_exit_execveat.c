/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_execveat. execveat(dfd, filename, ...): the program, relative to dfd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_execveat")
int tapio_deny_execveat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_EXECVEAT, TAPIO_DENY_PATH_AT, 2);
	return 0;
}
