/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_mkdirat, or the fexit of its kernel function (lib/syscall.h). Reports the change remembered at sys_enter_mkdirat with its result. */
#include "change.h"

TAPIO_SYSCALL_EXIT(mkdirat, tapio_exit_mkdirat)
{
	tapio_change_exit(ctx, ret, sys->fn);
	return 0;
}
