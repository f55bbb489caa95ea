/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fexit of __secure_computing, for the errno a seccomp filter returns, without a syscall
 * tracepoint.
 *
 * Kernel path: syscall_trace_enter() calls __secure_computing(NULL) for tasks with seccomp on (the
 * SECCOMP work flag, set only on them), before the syscall runs; it returns -1 when the syscall is
 * not to run. For SECCOMP_RET_ERRNO it has stored the filter's -errno in the return register
 * first (syscall_set_return_value); KILL never returns; TRAP rolls the return register back to the
 * syscall number and sends SIGSYS (signal_generate.c reports it); ALLOW and LOG return 0. So a -1
 * with an errno in the return register is the filter's verdict, whatever errno it chose: unlike
 * the sys_exit flavors, nothing here is a guess from the syscall's result. (A user-notification
 * supervisor that answers with an error, and SECCOMP_RET_TRACE with no tracer, -ENOSYS, read the
 * same.)
 *
 * A global function, exported, in the BTF of every kernel since 5.10 (x86-64 and arm64); it runs
 * only for tasks with a filter, so other tasks' syscalls cost nothing. Its prototype changed:
 * (const struct seccomp_data *sd) in 5.10 to 6.12, (void) in later ones (the 6.18 host, 7.x). An fexit
 * program finds the return value after the parameters, so each prototype has its program; the
 * loader loads the one the kernel's BTF matches (SensorCatalog.SECCOMP_VERDICT). Neither reads sd
 * (NULL on this path anyway): the syscall number comes from the task's registers.
 */
#include "common.h"
#include "syscall.h"
#include "seccomp.h"

#define TAPIO_MAX_ERRNO 4095

static __always_inline int tapio_scmp_verdict(void *ctx, int skipped)
{
	if (skipped != -1)
		return 0;
	struct pt_regs *regs = tapio_current_regs();
	long ret = (long)PT_REGS_RC_CORE(regs);
	if (ret < 0 && ret >= -TAPIO_MAX_ERRNO)
		tapio_scmp_errno(ctx, ret, tapio_syscall_nr(regs));
	tapio_frame_release();
	return 0;
}

/* int __secure_computing(const struct seccomp_data *sd): 5.10 to 6.12 */
SEC("fexit/__secure_computing")
int BPF_PROG(tapio_scmp_errno_fexit, const struct seccomp_data *sd, int skipped)
{
	return tapio_scmp_verdict(ctx, skipped);
}

/* int __secure_computing(void): later kernels (6.18, 7.x), the return value first in ctx */
SEC("fexit/__secure_computing")
int BPF_PROG(tapio_scmp_errno_fexit_void, int skipped)
{
	return tapio_scmp_verdict(ctx, skipped);
}
