/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Sockets seen from a file descriptor: whether an fd is a socket, and both of its ends as the
 * kernel holds them (struct sock_common). Shared by the socket hooks and by exec (the standard
 * streams of a new program). No maps here, so any object may include it.
 */
#ifndef TAPIO_SOCK_H
#define TAPIO_SOCK_H

#include "common.h"
#include "path.h"
#include <bpf/bpf_endian.h>

#define TAPIO_AF_UNIX 1
#define TAPIO_AF_INET 2
#define TAPIO_AF_INET6 10
#define TAPIO_IPPROTO_TCP 6
#define TAPIO_IPPROTO_UDP 17
#define TAPIO_S_IFMT 0170000
#define TAPIO_S_IFSOCK 0140000
#define TAPIO_S_IFDIR 0040000
#define TAPIO_S_IFIFO 0010000
#define TAPIO_S_IFREG 0100000
#define TAPIO_S_IFCHR 0020000
#define TAPIO_S_IFBLK 0060000
#define TAPIO_EINPROGRESS 115

/* What an open file is, from its inode's mode (the VFS's own test: S_ISSOCK and friends). */
static __always_inline __u32 tapio_file_kind(struct file *file)
{
	if (!file)
		return TAPIO_FD_NONE;
	__u16 mode = BPF_CORE_READ(file, f_inode, i_mode) & TAPIO_S_IFMT;
	switch (mode) {
	case TAPIO_S_IFSOCK:
		return TAPIO_FD_SOCKET;
	case TAPIO_S_IFDIR:
		return TAPIO_FD_DIRECTORY;
	case TAPIO_S_IFIFO:
		return TAPIO_FD_PIPE;
	case TAPIO_S_IFREG:
	case TAPIO_S_IFCHR:
	case TAPIO_S_IFBLK:
		return TAPIO_FD_FILE;
	default:
		return TAPIO_FD_OTHER;
	}
}

/* The struct sock behind a socket file (file->private_data is its struct socket), or NULL. */
static __always_inline struct sock *tapio_file_sock(struct file *file)
{
	if (tapio_file_kind(file) != TAPIO_FD_SOCKET)
		return NULL;
	struct socket *sock = BPF_CORE_READ(file, private_data);
	return BPF_CORE_READ(sock, sk);
}

static __always_inline struct sock *tapio_fd_sock(struct task_struct *task, int fd)
{
	return tapio_file_sock(tapio_fd_file(task, fd));
}

/*
 * Family, protocol, both ends and the network namespace of a socket. The namespace is the
 * socket's own (sk->sk_net): a state change runs in softirq on whatever task was running, and a
 * task may hold a socket of another namespace.
 */
static __always_inline void tapio_sock_addrs(struct sock *sk, struct tapio_sock_addrs *a)
{
	__builtin_memset(a, 0, sizeof(*a));
	if (!sk)
		return;
	a->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	a->protocol = BPF_CORE_READ(sk, sk_protocol);
	a->netns = BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
	a->local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
	a->remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (a->family == TAPIO_AF_INET) {
		bpf_core_read(a->local, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(a->remote, 4, &sk->__sk_common.skc_daddr);
	} else if (a->family == TAPIO_AF_INET6) {
		bpf_core_read(a->local, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(a->remote, 16, &sk->__sk_common.skc_v6_daddr);
	} else if (a->family == TAPIO_AF_UNIX) {
		a->local_port = 0;
		a->remote_port = 0;
	}
}

/*
 * Reads an IPv4 or IPv6 socket address from user memory into one end (remote when is_remote).
 * Returns its family, or 0 when it is neither (the end is left as it was).
 */
static __always_inline __u16 tapio_user_sockaddr(struct tapio_sock_addrs *a, __u64 uaddr, bool is_remote)
{
	struct sockaddr_in6 sa = {};
	if (!uaddr || bpf_probe_read_user(&sa, sizeof(sa), (void *)uaddr) != 0) {
		/* a sockaddr_in at the very end of a mapping is shorter than sockaddr_in6 */
		if (!uaddr || bpf_probe_read_user(&sa, sizeof(struct sockaddr_in), (void *)uaddr) != 0)
			return 0;
	}
	__u8 *addr = is_remote ? a->remote : a->local;
	__u16 port = bpf_ntohs(sa.sin6_port);
	if (sa.sin6_family == TAPIO_AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)&sa;
		__builtin_memset(addr, 0, 16);
		__builtin_memcpy(addr, &in->sin_addr.s_addr, 4);
	} else if (sa.sin6_family == TAPIO_AF_INET6) {
		__builtin_memcpy(addr, &sa.sin6_addr, 16);
	} else {
		return 0;
	}
	if (is_remote)
		a->remote_port = port;
	else
		a->local_port = port;
	return sa.sin6_family;
}

/* What fd is, and for a socket its ends (the standard streams of a new program). */
static __always_inline void tapio_fd_info(struct task_struct *task, int fd, struct tapio_fd_info *info)
{
	struct file *file = tapio_fd_file(task, fd);
	info->kind = tapio_file_kind(file);
	info->pad = 0;
	if (info->kind == TAPIO_FD_SOCKET)
		tapio_sock_addrs(tapio_file_sock(file), &info->sock);
	else
		__builtin_memset(&info->sock, 0, sizeof(info->sock));
}

#endif
