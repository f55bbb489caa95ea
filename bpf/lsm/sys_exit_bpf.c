/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_bpf. bpf(cmd, uattr, size): the command. */
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_bpf")
int tapio_deny_bpf(struct trace_event_raw_sys_exit *ctx)
{
	tapio_deny_exit(ctx, ctx->ret, TAPIO_LSM_BPF, TAPIO_DENY_NUMBER, 1);
	return 0;
}
