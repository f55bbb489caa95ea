/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_mkdirat, or the fentry of its kernel function (lib/syscall.h). mkdirat(dfd, pathname, mode). */
#include "change.h"

TAPIO_SYSCALL_ENTER(mkdirat, tapio_enter_mkdirat)
{
	tapio_change_enter(TAPIO_CHG_MKDIRAT, tapio_arg(sys, 1), tapio_arg(sys, 2), TAPIO_NO_BASE, 0, tapio_arg(sys, 3), 0);
	return 0;
}
