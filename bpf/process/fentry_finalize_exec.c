/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fentry of finalize_exec, which every binary format's loader calls once the new program's
 * memory is laid out (argv, environment and mm->exe_file in place) and just before it starts it:
 * past the point of no return of a successful execve/execveat, as sched_process_exec. The record
 * is the one the tracepoint flavors of process/exec.c build from bprm->filename.
 */
#include "exec.h"

SEC("fentry/finalize_exec")
int BPF_PROG(tapio_exec_fentry, struct linux_binprm *bprm)
{
	tapio_exec(ctx, BPF_CORE_READ(bprm, filename));
	tapio_frame_release();
	return 0;
}
