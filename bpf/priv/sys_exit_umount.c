/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_umount, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_umount with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(umount, tapio_exit_umount)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
