/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_vfork, or the fentry of its kernel function (lib/syscall.h). Remembers the clone flags for sched_process_fork (see fork.h). */
#include "fork.h"

TAPIO_SYSCALL_ENTER(vfork, tapio_enter_vfork)
{
	tapio_remember_clone(TAPIO_CLONE_VFORK | TAPIO_CLONE_VM | TAPIO_SIGCHLD, TAPIO_FORK_VFORK);
	return 0;
}
