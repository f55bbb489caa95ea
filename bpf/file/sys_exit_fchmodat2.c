/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_fchmodat2, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_fchmodat2 with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(fchmodat2, tapio_exit_fchmodat2)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
