/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: sched_process_fork, in the parent, after copy_process created the child.
 * Flavors: tp_btf and raw_tp (get the child task) and the classic tracepoint (gets only the child's pid,
 * so it finds the child task in the parent's lists; a CLONE_PARENT child is missed there).
 */
#define TAPIO_CLONE_ARGS_OWNER
#include "fork.h"

SEC("tp_btf/sched_process_fork")
int BPF_PROG(tapio_fork_btf, struct task_struct *parent, struct task_struct *child)
{
	tapio_fork(ctx, child);
	tapio_frame_release();
	return 0;
}

SEC("raw_tp/sched_process_fork")
int BPF_PROG(tapio_fork_raw, struct task_struct *parent, struct task_struct *child)
{
	tapio_fork(ctx, child);
	tapio_frame_release();
	return 0;
}

SEC("tracepoint/sched/sched_process_fork")
int tapio_fork_tp(struct trace_event_raw_sched_process_fork *ctx)
{
	/*
	 * The classic tracepoint has only the child's pid. A new process is the last entry of the
	 * parent's children list and a new thread the last of its thread group, so take the task
	 * from the list the pid belongs to.
	 */
	struct task_struct *parent = (struct task_struct *)bpf_get_current_task();
	pid_t child_pid = BPF_CORE_READ(ctx, child_pid);
	struct list_head *last = BPF_CORE_READ(parent, children.prev);
	struct task_struct *child = container_of(last, struct task_struct, sibling);
	if (BPF_CORE_READ(child, pid) != child_pid) {
		last = BPF_CORE_READ(parent, signal, thread_head.prev);
		child = container_of(last, struct task_struct, thread_node);
	}
	if (BPF_CORE_READ(child, pid) != child_pid)
		return 0;
	tapio_fork(ctx, child);
	tapio_frame_release();
	return 0;
}
