/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fentry of the kernel function the setns syscall enters through, given the task's user
 * registers. setns(fd, nstype), remembered as sys_enter_setns does, without putting syscalls on the
 * tracepoint slow path.
 */
#include "priv.h"

SEC("fentry/" TAPIO_SYSCALL_FN "setns")
int BPF_PROG(tapio_fentry_setns, struct pt_regs *regs)
{
	tapio_priv_enter(TAPIO_PRIV_SETNS, tapio_syscall_arg(regs, 1), tapio_syscall_arg(regs, 2), 0, 0);
	return 0;
}
