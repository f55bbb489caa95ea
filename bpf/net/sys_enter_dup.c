/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_dup, or the fentry of its kernel function (lib/syscall.h). dup(fildes): remembered when the old fd is a socket. */
#include "dup.h"

TAPIO_SYSCALL_ENTER(dup, tapio_enter_dup)
{
	tapio_dup_enter(TAPIO_SOCK_DUP, tapio_arg(sys, 1), -1);
	return 0;
}
