/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: raw_syscalls:sys_exit, for the errno a seccomp filter returns.
 *
 * Kernel path: syscall_trace_enter() runs secure_computing() before the sys_enter tracepoint; on
 * SECCOMP_RET_ERRNO it stores -errno as the return value and skips the syscall and sys_enter, but
 * sys_exit still fires. Nothing in the task tells a filter's errno from the syscall's own, so a
 * failure is reported as a probable seccomp denial when the task is in filter mode
 * (task->seccomp.mode == SECCOMP_MODE_FILTER) and the errno is one filters return for "refused":
 * EPERM or EACCES. Other errnos are left to the audit record (filters with SECCOMP_FILTER_FLAG_LOG).
 *
 * This program sees every syscall exit of the machine, so its first test is the return value (a
 * register already in the context), then the seccomp mode (one read from the task).
 *
 * Attaching raw sys_exit puts every syscall of every task on the tracepoint slow path: where the
 * kernel allows fentry, the hook runs at the fexit of __secure_computing instead
 * (seccomp/fexit_secure_computing.c), which sees the filter's verdict itself.
 *
 * Flavors: tp_btf and raw_tp (regs, ret), classic raw_syscalls/sys_exit (id, ret).
 */
#include "common.h"
#include "syscall.h"
#include "seccomp.h"

#define TAPIO_EPERM 1
#define TAPIO_EACCES 13

static __always_inline bool tapio_refused(long ret)
{
	return ret == -TAPIO_EPERM || ret == -TAPIO_EACCES;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(tapio_scmp_errno_btf, struct pt_regs *regs, long ret)
{
	if (tapio_refused(ret))
		tapio_scmp_errno(ctx, ret, tapio_syscall_nr(regs));
	tapio_frame_release();
	return 0;
}

SEC("raw_tp/sys_exit")
int BPF_PROG(tapio_scmp_errno_raw, struct pt_regs *regs, long ret)
{
	if (tapio_refused(ret))
		tapio_scmp_errno(ctx, ret, tapio_syscall_nr(regs));
	tapio_frame_release();
	return 0;
}

SEC("tracepoint/raw_syscalls/sys_exit")
int tapio_scmp_errno_tp(struct trace_event_raw_sys_exit *ctx)
{
	if (tapio_refused(ctx->ret))
		tapio_scmp_errno(ctx, ctx->ret, (int)ctx->id);
	tapio_frame_release();
	return 0;
}
