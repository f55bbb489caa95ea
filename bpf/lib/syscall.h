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

/* Argument n (1-5) of the current syscall; n is a constant, so the switch folds away. */
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
	case 5:
		return PT_REGS_PARM5_CORE_SYSCALL(regs);
	default:
		return 0;
	}
}

/*
 * A syscall hook written once, run in two flavors: at the syscall's tracepoint, or at the entry
 * or exit of the kernel function the syscall enters through (TAPIO_SYSCALL_FN), where the kernel
 * allows fentry. Attaching any syscall tracepoint puts every syscall of every task on the
 * tracepoint slow path; the kernel function puts none there. The loader loads one flavor per hook
 * (SensorCatalog: fentry, else the tracepoint) and leaves the other's program out (autoload off).
 *
 *	TAPIO_SYSCALL_ENTER(setuid, tapio_enter_setuid)
 *	{
 *		tapio_priv_enter(TAPIO_PRIV_SETUID, tapio_arg(sys, 1), 0, 0, 0);
 *		return 0;
 *	}
 *
 * defines tapio_enter_setuid on tracepoint/syscalls/sys_enter_setuid and tapio_enter_setuid_fentry
 * on fentry/__x64_sys_setuid, both running the body with `ctx` (the program's context, for
 * tapio_emit) and `sys`, whose arguments tapio_arg reads. TAPIO_SYSCALL_EXIT(setuid,
 * tapio_exit_setuid) likewise defines tapio_exit_setuid (sys_exit) and tapio_exit_setuid_fexit,
 * the body seeing `ctx`, `sys` and `ret`, the syscall's result. `sys->fn` says which flavor runs,
 * a constant in each: what differs by program type (the file sensor's walker) goes by it. Both
 * flavors release the scratch frame the body used (lib/frame.h) when it returns; the body's
 * return value is not the program's (both kinds of program ignore it).
 */
struct tapio_sys {
	/*
	 * At the tracepoint: its arguments, each read from the context where the program starts
	 * (the verifier refuses a context pointer moved by an offset; the compiler drops the reads
	 * the body does not use, and the kernel refuses reads past a syscall's arguments).
	 */
	__u64 args[5];
	struct pt_regs *regs;	/* at the kernel function: the user registers */
	bool fn;		/* at the kernel function: a constant per flavor */
};

/* Argument n (1-5) of the syscall, as the flavor running sees it; n is a constant. */
static __always_inline __u64 tapio_arg(const struct tapio_sys *sys, int n)
{
	if (sys->fn)
		return tapio_syscall_arg(sys->regs, n);
	return sys->args[n - 1];
}

#define TAPIO_SYSCALL_ENTER(syscall, prog)                                                         \
	static __always_inline int prog##_body(void *ctx, const struct tapio_sys *sys);           \
	SEC("tracepoint/syscalls/sys_enter_" #syscall)                                             \
	int prog(struct trace_event_raw_sys_enter *ctx)                                            \
	{                                                                                          \
		struct tapio_sys sys = {.args = {ctx->args[0], ctx->args[1], ctx->args[2],          \
						 ctx->args[3], ctx->args[4]}};                        \
		prog##_body(ctx, &sys);                                                            \
		tapio_frame_release();                                                             \
		return 0;                                                                          \
	}                                                                                          \
	SEC("fentry/" TAPIO_SYSCALL_FN #syscall)                                                   \
	int BPF_PROG(prog##_fentry, struct pt_regs *regs)                                          \
	{                                                                                          \
		struct tapio_sys sys = {.regs = regs, .fn = true};                                  \
		prog##_body(ctx, &sys);                                                            \
		tapio_frame_release();                                                             \
		return 0;                                                                          \
	}                                                                                          \
	static __always_inline int prog##_body(void *ctx, const struct tapio_sys *sys)

#define TAPIO_SYSCALL_EXIT(syscall, prog)                                                          \
	static __always_inline int prog##_body(void *ctx, const struct tapio_sys *sys, long ret);  \
	SEC("tracepoint/syscalls/sys_exit_" #syscall)                                              \
	int prog(struct trace_event_raw_sys_exit *ctx)                                             \
	{                                                                                          \
		struct tapio_sys sys = {};                                                          \
		prog##_body(ctx, &sys, ctx->ret);                                                   \
		tapio_frame_release();                                                              \
		return 0;                                                                           \
	}                                                                                          \
	SEC("fexit/" TAPIO_SYSCALL_FN #syscall)                                                    \
	int BPF_PROG(prog##_fexit, struct pt_regs *regs, long ret)                                 \
	{                                                                                          \
		struct tapio_sys sys = {.regs = regs, .fn = true};                                  \
		prog##_body(ctx, &sys, ret);                                                        \
		tapio_frame_release();                                                              \
		return 0;                                                                           \
	}                                                                                          \
	static __always_inline int prog##_body(void *ctx, const struct tapio_sys *sys, long ret)

#endif
