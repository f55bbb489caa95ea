/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_vfork. Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

SEC("tracepoint/syscalls/sys_enter_vfork")
int tapio_enter_vfork(struct trace_event_raw_sys_enter *ctx)
{
	tapio_remember_clone(TAPIO_CLONE_VFORK | TAPIO_CLONE_VM | TAPIO_SIGCHLD, TAPIO_FORK_VFORK);
	return 0;
}
