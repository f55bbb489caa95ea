/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setgid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setgid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setgid, tapio_exit_setgid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
