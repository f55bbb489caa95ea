/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fentry of kernel_clone, which fork, vfork, clone and clone3 all call with their arguments
 * decoded: remembers the clone flags for the fork record (fork.h) as their sys_enter hooks do, the
 * syscall told by the registers' syscall number. One program for the four, and the kernel
 * function that fork and vfork have where their own (SYSCALL_DEFINE0 aliases) are not in the BTF.
 * Kernel threads come here without a clone-family syscall and are left to the fork record's guess.
 */
#include "fork.h"
#include "syscall_nr.h"

/* CSIGNAL: the exit signal in clone's flags; kernel_clone_args keeps it apart. */
#define TAPIO_CSIGNAL 0xffULL

SEC("fentry/kernel_clone")
int BPF_PROG(tapio_clone_fentry, struct kernel_clone_args *args)
{
	int nr = tapio_syscall_nr(tapio_current_regs());
	__u32 syscall;
	if (nr == TAPIO_NR_CLONE)
		syscall = TAPIO_FORK_CLONE;
	else if (nr == TAPIO_NR_CLONE3)
		syscall = TAPIO_FORK_CLONE3;
#ifdef TAPIO_NR_FORK
	else if (nr == TAPIO_NR_FORK)
		syscall = TAPIO_FORK_FORK;
	else if (nr == TAPIO_NR_VFORK)
		syscall = TAPIO_FORK_VFORK;
#endif
	else
		return 0;
	__u64 flags = BPF_CORE_READ(args, flags);
	/* clone3's flags carry no signal (its sys_enter hook reads them alone) */
	if (syscall != TAPIO_FORK_CLONE3)
		flags |= (__u64)BPF_CORE_READ(args, exit_signal) & TAPIO_CSIGNAL;
	tapio_remember_clone(flags, syscall);
	tapio_frame_release();
	return 0;
}
