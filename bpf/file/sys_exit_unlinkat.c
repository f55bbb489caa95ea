/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_unlinkat, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_unlinkat with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(unlinkat, tapio_exit_unlinkat)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
