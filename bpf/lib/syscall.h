/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The user registers of the current syscall. At sys_exit they still hold the arguments the task
 * passed (the kernel writes only the return register), so a sys_exit hook can read a syscall's
 * arguments without a paired sys_enter hook.
 */
#ifndef TAPIO_SYSCALL_H
#define TAPIO_SYSCALL_H

#include "common.h"

/* The syscall number the registers were entered with, or -1 on an architecture not listed. */
static __always_inline int tapio_syscall_nr(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return (int)BPF_CORE_READ(regs, orig_ax);
#elif defined(__TARGET_ARCH_arm64)
	return (int)BPF_CORE_READ((struct user_pt_regs *)regs, regs[8]);
#else
	return -1;
#endif
}

/*
 * The prefix of the kernel functions syscalls enter through (SYSCALL_DEFINE's wrappers, which take
 * the user registers): "__x64_sys_" SYSCALL names the function an fentry/fexit section attaches to.
 */
#if defined(__TARGET_ARCH_x86)
#define TAPIO_SYSCALL_FN "__x64_sys_"
#elif defined(__TARGET_ARCH_arm64)
#define TAPIO_SYSCALL_FN "__arm64_sys_"
#endif

/* The kernel stack of a task (x86_64 and arm64): its user registers sit at the top. */
#define TAPIO_THREAD_SIZE 16384

/*
 * The current task's user registers. bpf_task_pt_regs (5.15) needs a BTF task pointer
 * (bpf_get_current_task_btf, 5.11); where the kernel lacks either helper, CO-RE turns the test
 * into a constant, the verifier never sees the call, and the registers are found at the top of
 * the task's kernel stack, as the kernel's task_pt_regs() finds them.
 */
static __always_inline struct pt_regs *tapio_current_regs(void)
{
	if (bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_task_pt_regs) &&
	    bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_get_current_task_btf))
		return (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	void *stack = BPF_CORE_READ(task, stack);
	return (struct pt_regs *)(stack + TAPIO_THREAD_SIZE) - 1;
}

/* Argument n (1-4) of the current syscall; n is a constant, so the switch folds away. */
static __always_inline __u64 tapio_syscall_arg(struct pt_regs *regs, int n)
{
	switch (n) {
	case 1:
		return PT_REGS_PARM1_CORE_SYSCALL(regs);
	case 2:
		return PT_REGS_PARM2_CORE_SYSCALL(regs);
	case 3:
		return PT_REGS_PARM3_CORE_SYSCALL(regs);
	case 4:
		return PT_REGS_PARM4_CORE_SYSCALL(regs);
	default:
		return 0;
	}
}

#endif
