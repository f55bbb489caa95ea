/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_connect, or the fentry of its kernel function (lib/syscall.h). connect(fd, uservaddr, addrlen). Remembers the address asked
 * for (after a refused connect the socket no longer holds it), and remembers a TCP socket before
 * the handshake starts: on loopback it can finish before connect returns.
 */
#include "net.h"

TAPIO_SYSCALL_ENTER(connect, tapio_enter_connect)
{
	if (tapio_is_self())
		return 0;
	__s32 fd = tapio_arg(sys, 1);
	tapio_sock_enter(TAPIO_SOCK_CONNECT, fd, tapio_arg(sys, 2), -1);
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct sock *sk = tapio_fd_sock(task, fd);
	if (sk && BPF_CORE_READ(sk, sk_protocol) == TAPIO_IPPROTO_TCP)
		tapio_track(sk, fd, TAPIO_TRACK_IN_CONNECT);
	return 0;
}
