/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_creat, or the fexit of its kernel function (lib/syscall.h). creat(pathname, mode): the path, relative to the cwd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(creat, tapio_deny_creat)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_CREAT, TAPIO_DENY_PATH, 1);
	return 0;
}
