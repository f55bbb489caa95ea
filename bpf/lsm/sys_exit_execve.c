/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_execve, or the fexit of its kernel function (lib/syscall.h). execve(filename, argv, envp): the program, relative to the cwd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(execve, tapio_deny_execve)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_EXECVE, TAPIO_DENY_PATH, 1);
	return 0;
}
