/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_rmdir, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_rmdir with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(rmdir, tapio_exit_rmdir)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
