/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_bind, or the fexit of its kernel function (lib/syscall.h). bind(fd, umyaddr, addrlen): the address bound. */
#include "deny.h"

TAPIO_SYSCALL_EXIT(bind, tapio_deny_bind)
{
	tapio_deny_exit(ctx, ret, TAPIO_LSM_BIND, TAPIO_DENY_SOCKADDR, 2);
	return 0;
}
