/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: sched_process_exec, the end of a successful execve/execveat.
 * Flavors: tp_btf (typed arguments), raw_tp (same arguments, untyped) and the classic
 * tracepoint (needs tracefs).
 */
#define TAPIO_EXECVEAT_OWNER
#include "exec.h"

SEC("tp_btf/sched_process_exec")
int BPF_PROG(tapio_exec_btf, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	tapio_exec(ctx, BPF_CORE_READ(bprm, filename));
	tapio_frame_release();
	return 0;
}

/* Raw tracepoints pass the same arguments untyped; every access goes through probe reads. */
SEC("raw_tp/sched_process_exec")
int BPF_PROG(tapio_exec_raw, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	tapio_exec(ctx, BPF_CORE_READ(bprm, filename));
	tapio_frame_release();
	return 0;
}

SEC("tracepoint/sched/sched_process_exec")
int tapio_exec_tp(struct trace_event_raw_sched_process_exec *ctx)
{
	/* __data_loc: low 16 bits are the offset of the string inside the record. */
	unsigned int loc = BPF_CORE_READ(ctx, __data_loc_filename);
	tapio_exec(ctx, (const char *)ctx + (loc & 0xffff));
	tapio_frame_release();
	return 0;
}
