/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_setresuid, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_setresuid with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(setresuid, tapio_exit_setresuid)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
