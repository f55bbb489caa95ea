/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: sched_process_exit, in the exiting task, late in do_exit.
 * Flavors: tp_btf, raw_tp and the classic tracepoint. Both read what they need from the task: by then
 * exit_code holds the wait(2) status and signal->live has dropped to 0 if this was the last
 * thread (the tracepoint's own group_dead field only exists since 6.16).
 */
#include "common.h"

static __always_inline void tapio_exit(void *ctx)
{
	if (tapio_is_self())
		return;
	struct tapio_exit_event *ev = tapio_scratch_buf(TAPIO_EV_EXIT);
	if (!ev)
		return;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	tapio_fill_header(&ev->hdr, TAPIO_EV_EXIT);
	ev->exit_code = BPF_CORE_READ(task, exit_code);
	ev->group_dead = BPF_CORE_READ(task, signal, live.counter) == 0;
	ev->hdr.size = sizeof(*ev);
	tapio_emit(ctx, ev, sizeof(*ev), TAPIO_EV_EXIT);
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(tapio_exit_btf, struct task_struct *p)
{
	tapio_exit(ctx);
	tapio_frame_release();
	return 0;
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(tapio_exit_raw, struct task_struct *p)
{
	tapio_exit(ctx);
	tapio_frame_release();
	return 0;
}

SEC("tracepoint/sched/sched_process_exit")
int tapio_exit_tp(void *ctx)
{
	tapio_exit(ctx);
	tapio_frame_release();
	return 0;
}
