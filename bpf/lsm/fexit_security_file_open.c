/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: fexit of security_file_open. Its return value is the combined verdict of every LSM on an
 * open that DAC already allowed, so -EACCES/-EPERM here is an LSM's denial, not a guess from a
 * syscall's errno; the object is the file the task tried to open, its full path. Opens by the
 * open syscalls are reported (execve opens its program here too; its denials stay with the exec
 * hooks), named by the syscall number in the task's registers.
 */
#include "deny.h"

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

SEC("fexit/security_file_open")
int BPF_PROG(tapio_deny_file_open, struct file *file, int ret)
{
	if (ret != -TAPIO_EACCES && ret != -TAPIO_EPERM)
		return 0;
	int nr = tapio_syscall_nr(tapio_current_regs());
	__u16 syscall;
	if (nr == TAPIO_NR_OPENAT)
		syscall = TAPIO_LSM_OPENAT;
	else if (nr == TAPIO_NR_OPENAT2)
		syscall = TAPIO_LSM_OPENAT2;
	else if (nr == TAPIO_NR_OPEN)
		syscall = TAPIO_LSM_OPEN;
	else if (nr == TAPIO_NR_CREAT)
		syscall = TAPIO_LSM_CREAT;
	else
		return 0;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct tapio_lsm_event *ev = tapio_deny_begin(ret, syscall, task, true);
	if (!ev)
		return 0;
	ev->object_kind = TAPIO_OBJ_PATH;
	tapio_deny_send(ctx, ev, tapio_put_file_path(ev->data, file), 0);
	tapio_frame_release();
	return 0;
}
