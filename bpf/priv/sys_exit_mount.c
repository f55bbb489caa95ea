/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_mount, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_mount with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(mount, tapio_exit_mount)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
