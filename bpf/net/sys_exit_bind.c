/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_bind, or the fexit of its kernel function (lib/syscall.h). Reports the bind with its result; the local end is the address
 * asked for (a failed bind leaves the socket unbound), the port the kernel chose for port 0 comes
 * from the socket.
 */
#include "net.h"

TAPIO_SYSCALL_EXIT(bind, tapio_exit_bind)
{
	struct tapio_sock_args a;
	if (!tapio_sock_exit(TAPIO_SOCK_BIND, &a))
		return 0;
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), a.fd);
	struct tapio_sock_event *ev = tapio_sock_record(TAPIO_SOCK_BIND, ret, a.fd);
	if (!ev)
		return 0;
	tapio_sock_addrs(sk, &ev->addrs);
	__u16 bound = ev->addrs.local_port;
	__u16 family = tapio_user_sockaddr(&ev->addrs, a.uaddr, false);
	if (family && !ev->addrs.family)
		ev->addrs.family = family;
	if (ret == 0 && ev->addrs.local_port == 0)
		ev->addrs.local_port = bound;
	tapio_sock_send(ctx, ev);
	return 0;
}
