/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setregid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setregid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setregid, tapio_exit_setregid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
