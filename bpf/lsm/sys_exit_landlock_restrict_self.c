/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_landlock_restrict_self. A successful call puts the calling thread (and
 * its future children) under a Landlock domain; the process is remembered so that its later
 * -EACCES/-EPERM are attributed to Landlock (see lib/deny.h for why this heuristic).
 */
#define TAPIO_LANDLOCKED_OWNER
#include "deny.h"

SEC("tracepoint/syscalls/sys_exit_landlock_restrict_self")
int tapio_landlock_mark(struct trace_event_raw_sys_exit *ctx)
{
	if (ctx->ret != 0)
		return 0;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 start = BPF_CORE_READ(task, group_leader, start_time);
	bpf_map_update_elem(&tapio_landlocked, &tgid, &start, BPF_ANY);
	return 0;
}
