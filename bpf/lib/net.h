/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The socket sensor's state and record builder. Syscall hooks pair enter and exit per thread
 * (tapio_sock_args); TCP sockets a task connected or accepted are remembered by their struct sock
 * (tapio_socks) so that sock:inet_sock_set_state, which runs in softirq on whatever task was
 * running, can report the outcome of a non-blocking connect and the end of the connection for
 * the task that owns it; UDP conversations are reported once per socket and peer (tapio_udp_seen).
 * The maps are defined in net/sock_state.c (TAPIO_NET_OWNER), which links first.
 */
#ifndef TAPIO_NET_H
#define TAPIO_NET_H

#include "sock.h"
#include "syscall.h"

#ifdef TAPIO_NET_OWNER
#define TAPIO_NET_MAP
#else
#define TAPIO_NET_MAP extern
#endif

/* What sys_enter_* remembers for sys_exit_* (keyed by pid_tgid). */
struct tapio_sock_args {
	__u64 uaddr;		/* user sockaddr: connect, bind, recvfrom */
	__s32 fd;
	__s32 newfd;
	__u32 syscall;		/* enum tapio_sock_syscall */
	__u32 pad;
};

TAPIO_NET_MAP struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct tapio_sock_args);
} tapio_sock_args SEC(".maps");

/* Where a remembered TCP socket is (struct tapio_sock_track.phase). */
enum tapio_track_phase {
	TAPIO_TRACK_IN_CONNECT = 1,	/* connect has not returned yet */
	TAPIO_TRACK_PENDING = 2,	/* connect returned EINPROGRESS, handshake not done */
	TAPIO_TRACK_OPEN = 3,		/* established: report its close */
};

struct tapio_sock_track {
	struct tapio_header hdr;	/* of the task that connected or accepted */
	struct tapio_sock_addrs addrs;	/* OPEN: its ends (at CLOSE the kernel has let go of the port) */
	__u64 start_ns;			/* when it became established (for the close's duration) */
	__s64 outcome;			/* IN_CONNECT: handshake outcome seen before connect returned */
	__s32 fd;
	__u32 phase;			/* enum tapio_track_phase */
	__u32 outcome_known;
	__u32 outbound;			/* 1: the task connected; 0: it accepted */
};

TAPIO_NET_MAP struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);	/* struct sock * */
	__type(value, struct tapio_sock_track);
} tapio_socks SEC(".maps");

/* One UDP conversation: a socket and a peer. */
struct tapio_udp_key {
	__u64 sk;
	__u8 peer[16];
	__u16 port;
	__u16 family;
	__u32 pad;
};

TAPIO_NET_MAP struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct tapio_udp_key);
	__type(value, __u8);
} tapio_udp_seen SEC(".maps");

/*
 * Which drop reasons skb:kfree_skb reports, by enum skb_drop_reason value: Java fills it from the
 * running kernel's BTF before attaching (every reason but NOT_SPECIFIED, which the kernel's generic
 * kfree_skb uses all the time; slot 0 alone on a kernel without reasons). An empty map reports
 * nothing.
 */
TAPIO_NET_MAP struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TAPIO_LIMIT_DROP_REASONS);
	__type(key, __u32);
	__type(value, __u32);
} tapio_drop_reasons SEC(".maps");

/* This CPU's drop records in the current second (the bound is TAPIO_LIMIT_DROPS_PER_SEC). */
struct tapio_drop_window {
	__u64 start_ns;
	__u64 count;
};

TAPIO_NET_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tapio_drop_window);
} tapio_drop_window SEC(".maps");

static __always_inline struct tapio_sock_event *tapio_sock_record(__u32 syscall, __s64 result, __s32 fd)
{
	struct tapio_sock_event *ev = tapio_scratch_buf(TAPIO_EV_SOCKET);
	if (!ev)
		return NULL;
	tapio_fill_header(&ev->hdr, TAPIO_EV_SOCKET);
	ev->result = result;
	ev->duration_ns = 0;
	ev->fd = fd;
	ev->newfd = -1;
	ev->syscall = syscall;
	ev->outbound = 0;
	ev->bytes_out = 0;
	ev->bytes_in = 0;
	ev->packets_out = 0;
	ev->packets_in = 0;
	ev->retransmits = 0;
	ev->pad = 0;
	return ev;
}

static __always_inline void tapio_sock_send(void *ctx, struct tapio_sock_event *ev)
{
	ev->hdr.size = sizeof(*ev);
	tapio_emit(ctx, ev, sizeof(*ev), TAPIO_EV_SOCKET);
}

/* sys_enter_*: remembers the arguments of this thread's socket call. */
static __always_inline void tapio_sock_enter(__u32 syscall, __s32 fd, __u64 uaddr, __s32 newfd)
{
	if (tapio_is_self())
		return;
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_sock_args args = {.uaddr = uaddr, .fd = fd, .newfd = newfd, .syscall = syscall};
	bpf_map_update_elem(&tapio_sock_args, &key, &args, BPF_ANY);
}

/*
 * sys_exit_*: the arguments remembered at this syscall's enter (copied), or false when there are
 * none (another syscall's leftovers, whose exit hook is not attached, are dropped).
 */
static __always_inline bool tapio_sock_exit(__u32 syscall, struct tapio_sock_args *out)
{
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_sock_args *args = bpf_map_lookup_elem(&tapio_sock_args, &key);
	if (!args)
		return false;
	*out = *args;
	bpf_map_delete_elem(&tapio_sock_args, &key);
	return out->syscall == syscall;
}

/* Remembers a TCP socket of the current task, in the given phase. */
static __always_inline void tapio_track(struct sock *sk, __s32 fd, __u32 phase)
{
	struct tapio_sock_track t = {.fd = fd,
				     .phase = phase,
				     .start_ns = bpf_ktime_get_boot_ns(),
				     .outbound = phase != TAPIO_TRACK_OPEN};
	tapio_fill_header(&t.hdr, TAPIO_EV_SOCKET);
	tapio_sock_addrs(sk, &t.addrs);
	__u64 key = (__u64)sk;
	bpf_map_update_elem(&tapio_socks, &key, &t, BPF_ANY);
}

/* A remembered socket is established: its close will be reported with these ends. */
static __always_inline void tapio_track_open(struct sock *sk, struct tapio_sock_track *t)
{
	t->phase = TAPIO_TRACK_OPEN;
	t->start_ns = bpf_ktime_get_boot_ns();
	tapio_sock_addrs(sk, &t->addrs);
}

/* A record about a remembered socket, on behalf of the task that owns it. */
static __always_inline void tapio_track_emit(void *ctx, struct sock *sk, struct tapio_sock_track *t,
					     __u32 syscall, __s64 result)
{
	struct tapio_sock_event *ev = tapio_scratch_buf(TAPIO_EV_SOCKET);
	if (!ev)
		return;
	ev->hdr = t->hdr;
	__u64 now = bpf_ktime_get_boot_ns();
	ev->hdr.boot_ns = now;
	ev->result = result;
	ev->duration_ns = syscall == TAPIO_SOCK_CLOSE ? now - t->start_ns : 0;
	ev->fd = t->fd;
	ev->newfd = -1;
	ev->syscall = syscall;
	ev->outbound = t->outbound;
	ev->pad = 0;
	if (syscall == TAPIO_SOCK_CLOSE) {
		ev->addrs = t->addrs;
		/* still the connection's own counters: the socket is freed only after this state change */
		struct tcp_sock *tp = (struct tcp_sock *)sk;
		ev->bytes_out = BPF_CORE_READ(tp, bytes_acked);
		ev->bytes_in = BPF_CORE_READ(tp, bytes_received);
		ev->packets_out = BPF_CORE_READ(tp, segs_out);
		ev->packets_in = BPF_CORE_READ(tp, segs_in);
		ev->retransmits = BPF_CORE_READ(tp, total_retrans);
	} else {
		tapio_sock_addrs(sk, &ev->addrs);
		ev->bytes_out = 0;
		ev->bytes_in = 0;
		ev->packets_out = 0;
		ev->packets_in = 0;
		ev->retransmits = 0;
	}
	tapio_sock_send(ctx, ev);
}

/*
 * Whether this UDP socket has not talked to this peer yet (then it is remembered). Reporting a
 * conversation once keeps a busy DNS client or server from flooding the ring buffer.
 */
static __always_inline bool tapio_udp_first(struct sock *sk, struct tapio_sock_addrs *a)
{
	struct tapio_udp_key key = {.sk = (__u64)sk, .port = a->remote_port, .family = a->family};
	__builtin_memcpy(key.peer, a->remote, 16);
	__u8 one = 1;
	return bpf_map_update_elem(&tapio_udp_seen, &key, &one, BPF_NOEXIST) == 0;
}

/*
 * The exit of accept or accept4 (kind says which): the accepted connection from the new socket
 * (its fd is the result), both ends and the socket's network namespace; a TCP one is remembered so
 * that its close is reported. A failed accept is reported with its error and no addresses.
 */
static __always_inline int tapio_accepted(void *ctx, long ret, __u32 kind)
{
	if (tapio_is_self())
		return 0;
	if (ret == -11) /* EAGAIN: a non-blocking server polling its queue */
		return 0;
	struct sock *sk = NULL;
	if (ret >= 0)
		sk = tapio_fd_sock((struct task_struct *)bpf_get_current_task(), ret);
	struct tapio_sock_event *ev = tapio_sock_record(kind, ret, ret >= 0 ? ret : -1);
	if (!ev)
		return 0;
	tapio_sock_addrs(sk, &ev->addrs);
	tapio_sock_send(ctx, ev);
	if (sk && ev->addrs.protocol == TAPIO_IPPROTO_TCP)
		tapio_track(sk, ret, TAPIO_TRACK_OPEN);
	return 0;
}

#endif
