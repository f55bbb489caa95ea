/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_accept4, or the fexit of its kernel function (lib/syscall.h). The accepted connection, see tapio_accepted in lib/net.h. */
#include "net.h"

TAPIO_SYSCALL_EXIT(accept4, tapio_exit_accept4)
{
	return tapio_accepted(ctx, ret, TAPIO_SOCK_ACCEPT4);
}
