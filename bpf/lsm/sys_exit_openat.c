/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_openat. openat(dfd, filename, ...): the path, relative to dfd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_openat")
int tapio_deny_openat(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_OPENAT, TAPIO_DENY_PATH_AT, 2);
	return 0;
}
