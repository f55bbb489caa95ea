/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fentry of the kernel function the unshare syscall enters through, given the task's user
 * registers. unshare(flags), remembered as sys_enter_unshare does, without putting syscalls on the
 * tracepoint slow path.
 */
#include "priv.h"

SEC("fentry/" TAPIO_SYSCALL_FN "unshare")
int BPF_PROG(tapio_fentry_unshare, struct pt_regs *regs)
{
	tapio_priv_enter(TAPIO_PRIV_UNSHARE, tapio_syscall_arg(regs, 1), 0, 0, 0);
	return 0;
}
