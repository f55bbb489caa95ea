/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_sendto, or the fentry of its kernel function (lib/syscall.h). sendto(fd, buff, len, flags, addr, addr_len): remembers a
 * send with a destination on a UDP socket. Sends without an address (connected sockets, TCP) are
 * left at the first comparison; their connect was reported.
 */
#include "net.h"

TAPIO_SYSCALL_ENTER(sendto, tapio_enter_sendto)
{
	__u64 uaddr = tapio_arg(sys, 5);
	if (!uaddr || tapio_is_self())
		return 0;
	__s32 fd = tapio_arg(sys, 1);
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), fd);
	if (!sk || BPF_CORE_READ(sk, sk_protocol) != TAPIO_IPPROTO_UDP)
		return 0;
	tapio_sock_enter(TAPIO_SOCK_SENDTO, fd, uaddr, -1);
	return 0;
}
