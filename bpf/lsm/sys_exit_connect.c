/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_connect, or the fexit of its kernel function (lib/syscall.h). connect(fd, uservaddr, addrlen): the address connected to. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(connect, tapio_deny_connect)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_CONNECT, TAPIO_DENY_SOCKADDR, 2);
	return 0;
}
