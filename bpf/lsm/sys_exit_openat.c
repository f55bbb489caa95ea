/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_openat, or the fexit of its kernel function (lib/syscall.h). openat(dfd, filename, ...): the path, relative to dfd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(openat, tapio_deny_openat)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_OPENAT, TAPIO_DENY_PATH_AT, 2);
	return 0;
}
