/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setresgid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setresgid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setresgid, tapio_exit_setresgid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
