/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: syscalls/sys_exit_connect, or the fexit of its kernel function (lib/syscall.h). Reports the connect with its result (0, -EINPROGRESS or the
 * error): the local end from the socket, the remote end as the caller named it. A TCP socket
 * moves on to PENDING (its outcome comes from sock_state.c) or OPEN (its close does).
 */
#include "net.h"

TAPIO_SYSCALL_EXIT(connect, tapio_exit_connect)
{
	struct tapio_sock_args a;
	if (!tapio_sock_exit(TAPIO_SOCK_CONNECT, &a))
		return 0;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct sock *sk = tapio_fd_sock(task, a.fd);
	struct tapio_sock_event *ev = tapio_sock_record(TAPIO_SOCK_CONNECT, ret, a.fd);
	if (!ev)
		return 0;
	tapio_sock_addrs(sk, &ev->addrs);
	__u16 family = tapio_user_sockaddr(&ev->addrs, a.uaddr, true);
	if (family && !ev->addrs.family)
		ev->addrs.family = family;
	tapio_sock_send(ctx, ev);

	__u64 key = (__u64)sk;
	struct tapio_sock_track *t = sk ? bpf_map_lookup_elem(&tapio_socks, &key) : NULL;
	if (!t)
		return 0;
	if (ret == 0) {
		tapio_track_open(sk, t);
	} else if (ret == -TAPIO_EINPROGRESS) {
		if (!t->outcome_known) {
			t->phase = TAPIO_TRACK_PENDING;
			return 0;
		}
		t->phase = TAPIO_TRACK_PENDING;
		tapio_track_emit(ctx, sk, t, TAPIO_SOCK_CONNECT_ASYNC, t->outcome);
		if (t->outcome == 0) {
			tapio_track_open(sk, t);
		} else {
			bpf_map_delete_elem(&tapio_socks, &key);
		}
	} else {
		bpf_map_delete_elem(&tapio_socks, &key);
	}
	return 0;
}
