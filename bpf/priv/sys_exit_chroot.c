/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_chroot, or the fexit of its kernel function (lib/syscall.h). Reports the call remembered at sys_enter_chroot with its result. */
#include "priv.h"

TAPIO_SYSCALL_EXIT(chroot, tapio_exit_chroot)
{
	tapio_priv_exit(ctx, ret);
	return 0;
}
