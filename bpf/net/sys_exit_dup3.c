/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_dup3, or the fexit of its kernel function (lib/syscall.h). Reports a dup3 of a socket with the new fd. */
#include "dup.h"

TAPIO_SYSCALL_EXIT(dup3, tapio_exit_dup3)
{
	tapio_dup_exit(ctx, TAPIO_SOCK_DUP3, ret);
	return 0;
}
