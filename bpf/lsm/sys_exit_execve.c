/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_execve. execve(filename, argv, envp): the program, relative to the cwd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_execve")
int tapio_deny_execve(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_EXECVE, TAPIO_DENY_PATH, 1);
	return 0;
}
