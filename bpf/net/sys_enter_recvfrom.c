/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_recvfrom. recvfrom(fd, ubuf, size, flags, addr, addr_len): remembers
 * where the kernel will write the sender's address, for UDP sockets only.
 */
#include "net.h"

SEC("tracepoint/syscalls/sys_enter_recvfrom")
int tapio_enter_recvfrom(struct trace_event_raw_sys_enter *ctx)
{
	__u64 uaddr = ctx->args[4];
	if (!uaddr || tapio_is_self())
		return 0;
	__s32 fd = ctx->args[0];
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), fd);
	if (!sk || BPF_CORE_READ(sk, sk_protocol) != TAPIO_IPPROTO_UDP)
		return 0;
	tapio_sock_enter(TAPIO_SOCK_RECVFROM, fd, uaddr, -1);
	return 0;
}
