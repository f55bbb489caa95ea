/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_umount, or the fentry of its kernel function (lib/syscall.h). umount2(target, flags); the tracepoint is named after the kernel function, umount. */
#include "priv.h"

TAPIO_SYSCALL_ENTER(umount, tapio_enter_umount)
{
	tapio_priv_enter_str(TAPIO_PRIV_UMOUNT, tapio_arg(sys, 2), tapio_arg(sys, 1), 0, 0);
	return 0;
}
