/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_fchmod, or the fentry of its kernel function (lib/syscall.h). fchmod(fd, mode): the path is the file behind fd. */
#include "change.h"

TAPIO_SYSCALL_ENTER(fchmod, tapio_enter_fchmod)
{
	tapio_fchmod_enter(tapio_arg(sys, 1), tapio_arg(sys, 2));
	return 0;
}
