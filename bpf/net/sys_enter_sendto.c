/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_enter_sendto. sendto(fd, buff, len, flags, addr, addr_len): remembers a
 * send with a destination on a UDP socket. Sends without an address (connected sockets, TCP) are
 * left at the first comparison; their connect was reported.
 */
#include "net.h"

SEC("tracepoint/syscalls/sys_enter_sendto")
int tapio_enter_sendto(struct trace_event_raw_sys_enter *ctx)
{
	__u64 uaddr = ctx->args[4];
	if (!uaddr || tapio_is_self())
		return 0;
	__s32 fd = ctx->args[0];
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), fd);
	if (!sk || BPF_CORE_READ(sk, sk_protocol) != TAPIO_IPPROTO_UDP)
		return 0;
	tapio_sock_enter(TAPIO_SOCK_SENDTO, fd, uaddr, -1);
	return 0;
}
