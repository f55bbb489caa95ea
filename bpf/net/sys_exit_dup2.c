/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_dup2, or the fexit of its kernel function (lib/syscall.h). Reports a dup2 of a socket with the new fd. */
#include "dup.h"

TAPIO_SYSCALL_EXIT(dup2, tapio_exit_dup2)
{
	tapio_dup_exit(ctx, TAPIO_SOCK_DUP2, ret);
	return 0;
}
