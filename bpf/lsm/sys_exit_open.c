/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_open, or the fexit of its kernel function (lib/syscall.h). open(filename, ...): the path, relative to the cwd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(open, tapio_deny_open)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_OPEN, TAPIO_DENY_PATH, 1);
	return 0;
}
