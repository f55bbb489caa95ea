/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_renameat, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_renameat with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(renameat, tapio_exit_renameat)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
