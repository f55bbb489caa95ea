/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_sendto, or the fexit of its kernel function (lib/syscall.h). Reports the first datagram of each UDP conversation (socket
 * and destination) with its result; after the send, so the port the kernel bound is known.
 */
#include "net.h"

TAPIO_SYSCALL_EXIT(sendto, tapio_exit_sendto)
{
	struct tapio_sock_args a;
	if (!tapio_sock_exit(TAPIO_SOCK_SENDTO, &a))
		return 0;
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), a.fd);
	if (!sk)
		return 0;
	struct tapio_sock_event *ev = tapio_sock_record(TAPIO_SOCK_SENDTO, ret, a.fd);
	if (!ev)
		return 0;
	tapio_sock_addrs(sk, &ev->addrs);
	if (!tapio_user_sockaddr(&ev->addrs, a.uaddr, true))
		return 0;
	if (tapio_udp_first(sk, &ev->addrs))
		tapio_sock_send(ctx, ev);
	return 0;
}
