/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setuid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setuid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setuid, tapio_exit_setuid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
