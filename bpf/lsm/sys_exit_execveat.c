/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_execveat, or the fexit of its kernel function (lib/syscall.h). execveat(dfd, filename, ...): the program, relative to dfd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(execveat, tapio_deny_execveat)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_EXECVEAT, TAPIO_DENY_PATH_AT, 2);
	return 0;
}
