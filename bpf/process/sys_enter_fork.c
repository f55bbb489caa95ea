/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_fork, or the fentry of its kernel function (lib/syscall.h). Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

TAPIO_SYSCALL_ENTER(fork, tapio_enter_fork)
{
	tapio_remember_clone(TAPIO_SIGCHLD, TAPIO_FORK_FORK);
	return 0;
}
