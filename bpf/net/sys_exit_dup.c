/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_dup, or the fexit of its kernel function (lib/syscall.h). Reports a dup of a socket with the new fd. */
#include "dup.h"

TAPIO_SYSCALL_EXIT(dup, tapio_exit_dup)
{
	tapio_dup_exit(ctx, TAPIO_SOCK_DUP, ret);
	return 0;
}
