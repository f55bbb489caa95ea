/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setreuid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setreuid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setreuid, tapio_exit_setreuid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
