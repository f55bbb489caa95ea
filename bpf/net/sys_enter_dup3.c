/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_dup3, or the fentry of its kernel function (lib/syscall.h). dup3(oldfd, newfd, flags): remembered when the old fd is a socket. */
#include "dup.h"

TAPIO_SYSCALL_ENTER(dup3, tapio_enter_dup3)
{
	tapio_dup_enter(TAPIO_SOCK_DUP3, tapio_arg(sys, 1), tapio_arg(sys, 2));
	return 0;
}
