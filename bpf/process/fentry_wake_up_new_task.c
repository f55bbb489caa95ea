/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fentry of wake_up_new_task, in the parent, once copy_process made the child and before it
 * first runs: every fork, vfork, clone and clone3 comes here, right after sched_process_fork. The
 * record is the one the tracepoint flavors of process/fork.c build. The
 * io_uring workers the kernel starts this way (no sched_process_fork) are left out.
 */
#include "fork.h"

#define TAPIO_PF_IO_WORKER 0x00000010

SEC("fentry/wake_up_new_task")
int BPF_PROG(tapio_fork_fentry, struct task_struct *p)
{
	if (BPF_CORE_READ(p, flags) & TAPIO_PF_IO_WORKER)
		return 0;
	tapio_fork(ctx, p);
	tapio_frame_release();
	return 0;
}
