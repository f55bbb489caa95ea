/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_unshare, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_unshare with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(unshare, tapio_exit_unshare)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
