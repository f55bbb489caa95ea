/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_landlock_restrict_self, or the fexit of its kernel function (lib/syscall.h). A successful call puts the calling thread (and
 * its future children) under a Landlock domain; the process is remembered so that its later
 * -EACCES/-EPERM are attributed to Landlock (see lib/deny.h for why this heuristic).
 */
#define TAPIO_LANDLOCKED_OWNER
#include "deny.h"

TAPIO_SYSCALL_EXIT(landlock_restrict_self, tapio_landlock_mark)
{
	if (ret != 0)
		return 0;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 start = BPF_CORE_READ(task, group_leader, start_time);
	bpf_map_update_elem(&tapio_landlocked, &tgid, &start, BPF_ANY);
	return 0;
}
