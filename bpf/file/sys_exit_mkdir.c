/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_mkdir, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_mkdir with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(mkdir, tapio_exit_mkdir)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
