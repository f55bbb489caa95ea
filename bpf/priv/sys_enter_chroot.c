/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_chroot, or the fentry of its kernel function (lib/syscall.h). chroot(path). */
#include "priv.h"

TAPIO_SYSCALL_ENTER(chroot, tapio_enter_chroot)
{
	tapio_priv_enter_str(TAPIO_PRIV_CHROOT, 0, tapio_arg(sys, 1), 0, 0);
	return 0;
}
