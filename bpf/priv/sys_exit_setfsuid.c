/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setfsuid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setfsuid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setfsuid, tapio_exit_setfsuid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
