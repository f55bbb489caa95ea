/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_clone3. Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

SEC("tracepoint/syscalls/sys_enter_clone3")
int tapio_enter_clone3(struct trace_event_raw_sys_enter *ctx)
{
	__u64 flags = 0;
	/* clone3(struct clone_args *uargs, size_t size): flags is the first u64. */
	bpf_probe_read_user(&flags, sizeof(flags), (void *)ctx->args[0]);
	tapio_remember_clone(flags, TAPIO_FORK_CLONE3);
	return 0;
}
