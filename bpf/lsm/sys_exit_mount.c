/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_mount. mount(dev_name, dir_name, ...): the mount point, relative to the cwd. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_mount")
int tapio_deny_mount(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_MOUNT, TAPIO_DENY_PATH, 2);
	return 0;
}
