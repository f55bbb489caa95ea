/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_capset, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_capset with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(capset, tapio_exit_capset)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
