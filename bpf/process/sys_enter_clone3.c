/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_clone3, or the fentry of its kernel function (lib/syscall.h). Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

TAPIO_SYSCALL_ENTER(clone3, tapio_enter_clone3)
{
	__u64 flags = 0;
	/* clone3(struct clone_args *uargs, size_t size): flags is the first u64. */
	bpf_probe_read_user(&flags, sizeof(flags), (void *)tapio_arg(sys, 1));
	tapio_remember_clone(flags, TAPIO_FORK_CLONE3);
	return 0;
}
