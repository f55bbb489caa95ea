/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_openat2. openat2(dfd, filename, how, size): the path, relative to dfd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_openat2")
int tapio_deny_openat2(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_OPENAT2, TAPIO_DENY_PATH_AT, 2);
	return 0;
}
