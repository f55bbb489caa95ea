/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setns, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setns with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setns, tapio_exit_setns)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
