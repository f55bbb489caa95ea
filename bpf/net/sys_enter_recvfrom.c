/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_recvfrom, or the fentry of its kernel function (lib/syscall.h). recvfrom(fd, ubuf, size, flags, addr, addr_len): remembers
 * where the kernel will write the sender's address, for UDP sockets only.
 */
#include "net.h"

TAPIO_SYSCALL_ENTER(recvfrom, tapio_enter_recvfrom)
{
	__u64 uaddr = tapio_arg(sys, 5);
	if (!uaddr || tapio_is_self())
		return 0;
	__s32 fd = tapio_arg(sys, 1);
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), fd);
	if (!sk || BPF_CORE_READ(sk, sk_protocol) != TAPIO_IPPROTO_UDP)
		return 0;
	tapio_sock_enter(TAPIO_SOCK_RECVFROM, fd, uaddr, -1);
	return 0;
}
