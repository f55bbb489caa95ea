/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_clone. Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

SEC("tracepoint/syscalls/sys_enter_clone")
int tapio_enter_clone(struct trace_event_raw_sys_enter *ctx)
{
	tapio_remember_clone(ctx->args[0], TAPIO_FORK_CLONE);
	return 0;
}
