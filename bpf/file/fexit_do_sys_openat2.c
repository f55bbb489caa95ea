/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fexit of do_sys_openat2, where open, openat, openat2 and creat meet. One program sees the
 * arguments and the result, so opens need no enter/exit pairing map and no syscall is put on the
 * tracepoint slow path. The record is the one the sys_enter/sys_exit pairs build: the arguments as
 * the task passed them, read from its syscall registers (the kernel function sees flags it added,
 * O_LARGEFILE, and a mode it cleared), and which syscall it was from the registers' syscall number;
 * any other caller (a 32-bit syscall, io_uring does not come here) is not reported, as the
 * tracepoints do not see it either. Of the four, only those whose hooks were asked for are reported
 * (tapio_constants.open_syscalls), as only their tracepoints would be attached.
 */
#include "open.h"
#include "syscall.h"

#if defined(__TARGET_ARCH_x86)
#define TAPIO_NR_OPEN 2
#define TAPIO_NR_CREAT 85
#define TAPIO_NR_OPENAT 257
#else
#define TAPIO_NR_OPEN -2
#define TAPIO_NR_CREAT -2
#define TAPIO_NR_OPENAT 56
#endif
#define TAPIO_NR_OPENAT2 437

SEC("fexit/do_sys_openat2")
int BPF_PROG(tapio_fexit_open, int dfd, const char *filename, struct open_how *how, long ret)
{
	struct pt_regs *regs = tapio_current_regs();
	int nr = tapio_syscall_nr(regs);
	struct tapio_open_args a = {.filename = (__u64)filename, .dfd = dfd};
	if (nr == TAPIO_NR_OPENAT) {
		a.syscall = TAPIO_OPEN_OPENAT;
		a.flags = tapio_syscall_arg(regs, 3);
		a.mode = tapio_syscall_arg(regs, 4);
	} else if (nr == TAPIO_NR_OPENAT2) {
		struct open_how user = {};
		bpf_probe_read_user(&user, sizeof(user), (void *)tapio_syscall_arg(regs, 3));
		a.syscall = TAPIO_OPEN_OPENAT2;
		a.flags = user.flags;
		a.mode = user.mode;
	} else if (nr == TAPIO_NR_OPEN) {
		a.syscall = TAPIO_OPEN_OPEN;
		a.flags = tapio_syscall_arg(regs, 2);
		a.mode = tapio_syscall_arg(regs, 3);
	} else if (nr == TAPIO_NR_CREAT) {
		a.syscall = TAPIO_OPEN_CREAT;
		a.flags = TAPIO_O_CREAT | TAPIO_O_WRONLY | TAPIO_O_TRUNC;
		a.mode = tapio_syscall_arg(regs, 2);
	} else {
		return 0;
	}
	/* only the opens asked for: a flood of creats is not to be counted with every other open */
	if (!(tapio_constants.open_syscalls & (1u << a.syscall)))
		return 0;
	if (tapio_is_self() || !tapio_filter_open_enter(a.syscall, a.flags))
		return 0;
	/* The function returns int on newer kernels (7.x), long before: only the low 32 bits are
	 * its result there, so it is sign-extended from them on every kernel (an fd fits in them). */
	tapio_open_report(ctx, a, (long)(int)ret, true);
	tapio_frame_release();
	return 0;
}
