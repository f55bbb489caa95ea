/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_fork. Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

SEC("tracepoint/syscalls/sys_enter_fork")
int tapio_enter_fork(struct trace_event_raw_sys_enter *ctx)
{
	tapio_remember_clone(TAPIO_SIGCHLD, TAPIO_FORK_FORK);
	return 0;
}
