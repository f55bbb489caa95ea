/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: init_module and finit_module at the fentry of their syscall functions where the kernel
 * allows fentry (a program each, on __x64_sys_init_module and __x64_sys_finit_module: no syscall
 * on the slow path), else the raw sys_enter tracepoint, as they have no tracepoints of their own
 * on kernels built without module support (and which such kernels refuse with ENOSYS). The raw
 * sys_enter program runs on every syscall of the machine and puts every syscall on the slow path,
 * so it is attached only when a rule needs module events, and its first test is the syscall
 * number. The attempt is reported at entry: the result is not seen (no matching exit program,
 * which would cost every syscall twice). Flavors: fentry (struct pt_regs *regs), tp_btf and
 * raw_tp, both with (struct pt_regs *regs, long id).
 */
#include "priv.h"
#include "syscall.h"
/* TAPIO_NR_<syscall> of the target architecture, generated from its <asm/unistd.h> (Makefile). */
#include "syscall_nr.h"

static __always_inline void tapio_module(void *ctx, struct pt_regs *regs, long id)
{
	struct tapio_priv_args a = {};
	if (tapio_is_self())
		return;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	tapio_fill_namespaces(task, &a.ns);
	tapio_read_creds(&a.cred);
	if (id == TAPIO_NR_INIT_MODULE) {
		/* init_module(image, len, params) */
		a.syscall = TAPIO_PRIV_INIT_MODULE;
		a.args[0] = PT_REGS_PARM2_CORE_SYSCALL(regs);
		a.str[0] = PT_REGS_PARM3_CORE_SYSCALL(regs);
	} else {
		/* finit_module(fd, params, flags) */
		a.syscall = TAPIO_PRIV_FINIT_MODULE;
		a.args[0] = PT_REGS_PARM1_CORE_SYSCALL(regs);
		a.args[1] = PT_REGS_PARM3_CORE_SYSCALL(regs);
		a.str[0] = PT_REGS_PARM2_CORE_SYSCALL(regs);
	}
	tapio_priv_emit(ctx, &a, 0, TAPIO_PRIVF_NO_EXIT);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(tapio_module_btf, struct pt_regs *regs, long id)
{
	if (id != TAPIO_NR_INIT_MODULE && id != TAPIO_NR_FINIT_MODULE)
		return 0;
	tapio_module(ctx, regs, id);
	tapio_frame_release();
	return 0;
}

SEC("raw_tp/sys_enter")
int BPF_PROG(tapio_module_raw, struct pt_regs *regs, long id)
{
	if (id != TAPIO_NR_INIT_MODULE && id != TAPIO_NR_FINIT_MODULE)
		return 0;
	tapio_module(ctx, regs, id);
	tapio_frame_release();
	return 0;
}

SEC("fentry/" TAPIO_SYSCALL_FN "init_module")
int BPF_PROG(tapio_module_init_fentry, struct pt_regs *regs)
{
	tapio_module(ctx, regs, TAPIO_NR_INIT_MODULE);
	tapio_frame_release();
	return 0;
}

SEC("fentry/" TAPIO_SYSCALL_FN "finit_module")
int BPF_PROG(tapio_module_finit_fentry, struct pt_regs *regs)
{
	tapio_module(ctx, regs, TAPIO_NR_FINIT_MODULE);
	tapio_frame_release();
	return 0;
}
