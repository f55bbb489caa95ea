/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_mount, or the fexit of its kernel function (lib/syscall.h). mount(dev_name, dir_name, ...): the mount point, relative to the cwd. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(mount, tapio_deny_mount)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_MOUNT, TAPIO_DENY_PATH, 2);
	return 0;
}
