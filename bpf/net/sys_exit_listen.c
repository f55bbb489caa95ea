/* SPDX-License-Identifier: Apache-2.0 */
/* Hook: syscalls/sys_exit_listen, or the fexit of its kernel function (lib/syscall.h). Reports the listen with its result and the listening end. */
#include "net.h"

TAPIO_SYSCALL_EXIT(listen, tapio_exit_listen)
{
	struct tapio_sock_args a;
	if (!tapio_sock_exit(TAPIO_SOCK_LISTEN, &a))
		return 0;
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), a.fd);
	struct tapio_sock_event *ev = tapio_sock_record(TAPIO_SOCK_LISTEN, ret, a.fd);
	if (!ev)
		return 0;
	tapio_sock_addrs(sk, &ev->addrs);
	tapio_sock_send(ctx, ev);
	return 0;
}
