/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_enter_listen, or the fentry of its kernel function (lib/syscall.h). listen(fd, backlog): remembers the fd. */
#include "net.h"

TAPIO_SYSCALL_ENTER(listen, tapio_enter_listen)
{
	tapio_sock_enter(TAPIO_SOCK_LISTEN, tapio_arg(sys, 1), 0, -1);
	return 0;
}
