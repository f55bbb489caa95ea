/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_clone, or the fentry of its kernel function (lib/syscall.h). Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

TAPIO_SYSCALL_ENTER(clone, tapio_enter_clone)
{
	tapio_remember_clone(tapio_arg(sys, 1), TAPIO_FORK_CLONE);
	return 0;
}
