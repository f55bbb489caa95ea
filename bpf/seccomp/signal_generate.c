/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: signal:signal_generate, for the SIGSYS a seccomp filter sends.
 *
 * Kernel path: __seccomp_filter() -> force_sig_seccomp(syscall, data, coredump) builds a siginfo
 * with si_code SYS_SECCOMP (1), si_syscall and si_arch, and sends it to current. For
 * SECCOMP_RET_KILL_{PROCESS,THREAD} the task's seccomp mode was set to SECCOMP_MODE_DEAD (3) just
 * before; for SECCOMP_RET_TRAP it is still SECCOMP_MODE_FILTER (2). That is how kill and trap are
 * told apart. (A KILL_THREAD in a process with other live threads exits without a signal: only the
 * audit record shows it.)
 *
 * Flavors: tp_btf and raw_tp read si_syscall from the siginfo; the classic tracepoint has no
 * siginfo pointer and reads the syscall number from the task's registers (for kill and trap the
 * kernel has rolled the registers back to the syscall's entry).
 */
/* may run in an interrupt (a timer's signal): its record goes in a nested frame (lib/frame.h) */
#define TAPIO_NESTED
#include "common.h"
#include "syscall.h"

#define TAPIO_SIGSYS 31
#define TAPIO_SYS_SECCOMP 1
#define TAPIO_SECCOMP_MODE_DEAD 3

static __always_inline void tapio_sigsys(void *ctx, int syscall_nr, __u32 arch)
{
	if (tapio_is_self())
		return;
	struct tapio_seccomp_event *ev = tapio_scratch_buf(TAPIO_EV_SECCOMP);
	if (!ev)
		return;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	tapio_fill_header(&ev->hdr, TAPIO_EV_SECCOMP);
	ev->result = 0;
	ev->syscall_nr = syscall_nr;
	ev->arch = arch;
	ev->source = TAPIO_SCMP_SIGNAL;
	ev->action = BPF_CORE_READ(task, seccomp.mode) == TAPIO_SECCOMP_MODE_DEAD ? TAPIO_SCACT_KILL
										    : TAPIO_SCACT_TRAP;
	ev->pad = 0;
	ev->hdr.size = sizeof(*ev);
	tapio_emit(ctx, ev, sizeof(*ev), TAPIO_EV_SECCOMP);
}

static __always_inline void tapio_sigsys_info(void *ctx, int sig, struct kernel_siginfo *info)
{
	if (sig != TAPIO_SIGSYS || BPF_CORE_READ(info, si_code) != TAPIO_SYS_SECCOMP)
		return;
	if (!tapio_nest())
		return;
	tapio_sigsys(ctx, BPF_CORE_READ(info, _sifields._sigsys._syscall),
		     BPF_CORE_READ(info, _sifields._sigsys._arch));
	tapio_unnest();
}

SEC("tp_btf/signal_generate")
int BPF_PROG(tapio_sigsys_btf, int sig, struct kernel_siginfo *info, struct task_struct *task)
{
	tapio_sigsys_info(ctx, sig, info);
	return 0;
}

SEC("raw_tp/signal_generate")
int BPF_PROG(tapio_sigsys_raw, int sig, struct kernel_siginfo *info, struct task_struct *task)
{
	tapio_sigsys_info(ctx, sig, info);
	return 0;
}

SEC("tracepoint/signal/signal_generate")
int tapio_sigsys_tp(struct trace_event_raw_signal_generate *ctx)
{
	if (ctx->sig != TAPIO_SIGSYS || ctx->code != TAPIO_SYS_SECCOMP)
		return 0;
	tapio_sigsys(ctx, tapio_syscall_nr(tapio_current_regs()), 0);
	return 0;
}
