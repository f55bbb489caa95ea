/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_rename, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_rename with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(rename, tapio_exit_rename)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
