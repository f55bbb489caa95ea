/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_accept. Reports the accepted connection from the new socket (its fd is
 * the result): both ends and the socket's network namespace; a TCP one is remembered so that its
 * close is reported. A failed accept is reported with its error and no addresses.
 */
#include "net.h"

SEC("tracepoint/syscalls/sys_exit_accept")
int tapio_exit_accept(struct trace_event_raw_sys_exit *ctx)
{
	if (tapio_is_self())
		return 0;
	long ret = ctx->ret;
	if (ret == -11) /* EAGAIN: a non-blocking server polling its queue */
		return 0;
	struct sock *sk = NULL;
	if (ret >= 0)
		sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), ret);
	struct tapio_sock_event *ev = tapio_sock_record(TAPIO_SOCK_ACCEPT, ret, ret >= 0 ? ret : -1);
	if (!ev)
		return 0;
	tapio_sock_addrs(sk, &ev->addrs);
	tapio_sock_send(ctx, ev);
	if (sk && ev->addrs.protocol == TAPIO_IPPROTO_TCP)
		tapio_track(sk, ret, TAPIO_TRACK_OPEN);
	return 0;
}
