/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_bind, or the fentry of its kernel function (lib/syscall.h). bind(fd, umyaddr, addrlen): remembers the address asked for. */
#include "net.h"

TAPIO_SYSCALL_ENTER(bind, tapio_enter_bind)
{
	tapio_sock_enter(TAPIO_SOCK_BIND, tapio_arg(sys, 1), tapio_arg(sys, 2), -1);
	return 0;
}
