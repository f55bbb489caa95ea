/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_openat2, or the fexit of its kernel function (lib/syscall.h). openat2(dfd, filename, how, size): the path, relative to dfd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(openat2, tapio_deny_openat2)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_OPENAT2, TAPIO_DENY_PATH_AT, 2);
	return 0;
}
