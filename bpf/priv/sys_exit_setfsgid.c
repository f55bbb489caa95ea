/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setfsgid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setfsgid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setfsgid, tapio_exit_setfsgid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
