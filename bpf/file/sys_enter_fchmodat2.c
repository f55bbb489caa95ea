/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_fchmodat2 (Linux 6.6+), or the fentry of its kernel function
 * (lib/syscall.h). fchmodat2(dfd, filename, mode, flags): fchmodat with flags (AT_EMPTY_PATH,
 * AT_SYMLINK_NOFOLLOW), which a C library calls when flags are given.
 */
#include "change.h"

TAPIO_SYSCALL_ENTER(fchmodat2, tapio_enter_fchmodat2)
{
	tapio_change_enter(TAPIO_CHG_FCHMODAT2, tapio_arg(sys, 1), tapio_arg(sys, 2), TAPIO_NO_BASE, 0, tapio_arg(sys, 3), 0);
	return 0;
}
