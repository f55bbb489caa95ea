/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_mount, or the fentry of its kernel function (lib/syscall.h). mount(source, target, fstype, flags, data): the flags, then the three strings. */
#include "priv.h"

TAPIO_SYSCALL_ENTER(mount, tapio_enter_mount)
{
	tapio_priv_enter_str(TAPIO_PRIV_MOUNT, tapio_arg(sys, 4), tapio_arg(sys, 1), tapio_arg(sys, 2), tapio_arg(sys, 3));
	return 0;
}
