/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_fchmodat, or the fentry of its kernel function (lib/syscall.h). fchmodat(dfd, filename, mode). */
#include "change.h"

TAPIO_SYSCALL_ENTER(fchmodat, tapio_enter_fchmodat)
{
	tapio_change_enter(TAPIO_CHG_FCHMODAT, tapio_arg(sys, 1), tapio_arg(sys, 2), TAPIO_NO_BASE, 0, tapio_arg(sys, 3), 0);
	return 0;
}
