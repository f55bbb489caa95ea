/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_fchmod, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_fchmod with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(fchmod, tapio_exit_fchmod)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
