/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dup, dup2, dup3 of a socket: the fact behind a reverse shell that puts a connection on its
 * standard streams. sys_enter remembers the call only when the old fd is a socket (every other
 * dup is left there); sys_exit reports it with the new fd (the result) and the socket's ends.
 */
#ifndef TAPIO_DUP_H
#define TAPIO_DUP_H

#include "net.h"

static __always_inline void tapio_dup_enter(__u32 syscall, __s32 oldfd, __s32 newfd)
{
	if (tapio_is_self())
		return;
	if (!tapio_fd_sock((struct task_struct *)bpf_get_current_task(), oldfd))
		return;
	tapio_sock_enter(syscall, oldfd, 0, newfd);
}

static __always_inline void tapio_dup_exit(void *ctx, __u32 syscall, long ret)
{
	struct tapio_sock_args a;
	if (!tapio_sock_exit(syscall, &a))
		return;
	struct sock *sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), a.fd);
	struct tapio_sock_event *ev = tapio_sock_record(a.syscall, ret, a.fd);
	if (!ev)
		return;
	ev->newfd = ret >= 0 ? ret : a.newfd;
	tapio_sock_addrs(sk, &ev->addrs);
	tapio_sock_send(ctx, ev);
}

#endif
