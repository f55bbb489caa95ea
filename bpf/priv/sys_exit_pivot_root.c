/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_pivot_root, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_pivot_root with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(pivot_root, tapio_exit_pivot_root)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
