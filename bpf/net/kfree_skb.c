/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: skb:kfree_skb, the kernel dropping a packet (consume_skb, the normal end of a packet, has
 * a tracepoint of its own). Since 5.17 the tracepoint says why (enum skb_drop_reason, numbered
 * differently by each kernel); tapio_drop_reasons, filled by Java from the kernel's BTF, says which
 * reasons are worth a record, and is the first thing looked at, so the reasons that fire all the
 * time cost one array lookup. On an older kernel the reason is 0 and slot 0 decides.
 *
 * The packet dies wherever it is, often in softirq on whatever task runs: nothing is read from the
 * current task. Its network namespace is its device's (the namespace it was received in or leaving
 * from), else its socket's; its owner is the task the socket sensor remembers for its socket, if
 * any. Addresses and ports come from the IPv4 or IPv6 header the skb points at; a packet whose
 * network header is not set yet (or is neither) is left alone.
 *
 * Records are bounded per CPU (TAPIO_LIMIT_DROPS_PER_SEC); the rest are counted as throttled.
 * Flavor: classic tracepoint (its fields are described by CO-RE, so the reason is read only where
 * the kernel has it).
 */
/* runs in softirq and hardirq too: its record goes in a nested frame (lib/frame.h) */
#define TAPIO_NESTED
#include "net.h"

/* The socket the packet was being received by: newer kernels give it, older ones lack the field. */
struct trace_event_raw_kfree_skb___rx_sk {
	void *rx_sk;
} __attribute__((preserve_access_index));

#define TAPIO_ETH_P_IP 0x0800
#define TAPIO_ETH_P_IPV6 0x86DD

/* Whether this CPU may send one more drop record this second; counts the ones it may not. */
static __always_inline bool tapio_drop_admit(void)
{
	__u32 zero = 0;
	struct tapio_drop_window *w = bpf_map_lookup_elem(&tapio_drop_window, &zero);
	if (!w)
		return false;
	__u64 now = bpf_ktime_get_ns();
	if (now - w->start_ns >= 1000000000ULL) {
		w->start_ns = now;
		w->count = 0;
	}
	if (w->count >= TAPIO_LIMIT_DROPS_PER_SEC) {
		tapio_count(&tapio_throttled, TAPIO_EV_DROP);
		return false;
	}
	w->count++;
	return true;
}

/*
 * Source and destination of the packet from its network header into a (local = source for now),
 * family included; false when there is no IPv4 or IPv6 header to read. Ports are read for TCP and
 * UDP right after the header (IPv6 extension headers leave them 0).
 */
static __always_inline bool tapio_packet_ends(struct sk_buff *skb, __u16 proto, struct tapio_sock_addrs *a)
{
	unsigned char *head = BPF_CORE_READ(skb, head);
	__u16 nh = BPF_CORE_READ(skb, network_header);
	if (!head || nh == (__u16)~0U)
		return false;
	unsigned char *l3 = head + nh;
	unsigned char *l4;
	__u8 l4proto;
	if (proto == TAPIO_ETH_P_IP) {
		struct iphdr ip;
		if (bpf_probe_read_kernel(&ip, sizeof(ip), l3) != 0 || ip.version != 4)
			return false;
		a->family = TAPIO_AF_INET;
		__builtin_memcpy(a->local, &ip.saddr, 4);
		__builtin_memcpy(a->remote, &ip.daddr, 4);
		l4proto = ip.protocol;
		l4 = l3 + ((ip.ihl & 0xf) << 2);
	} else {
		struct ipv6hdr ip6;
		if (bpf_probe_read_kernel(&ip6, sizeof(ip6), l3) != 0 || ip6.version != 6)
			return false;
		a->family = TAPIO_AF_INET6;
		__builtin_memcpy(a->local, &ip6.saddr, 16);
		__builtin_memcpy(a->remote, &ip6.daddr, 16);
		l4proto = ip6.nexthdr;
		l4 = l3 + sizeof(ip6);
	}
	a->protocol = l4proto;
	if (l4proto == TAPIO_IPPROTO_TCP || l4proto == TAPIO_IPPROTO_UDP) {
		__be16 ports[2];
		if (bpf_probe_read_kernel(ports, sizeof(ports), l4) == 0) {
			a->local_port = bpf_ntohs(ports[0]);
			a->remote_port = bpf_ntohs(ports[1]);
		}
	}
	return true;
}

/* Turns the packet's source/destination into this namespace's end and the other one. */
static __always_inline void tapio_drop_orient(struct tapio_drop_event *ev, bool outbound)
{
	ev->outbound = outbound;
	if (outbound)
		return;
	__u8 tmp[16];
	__builtin_memcpy(tmp, ev->addrs.local, 16);
	__builtin_memcpy(ev->addrs.local, ev->addrs.remote, 16);
	__builtin_memcpy(ev->addrs.remote, tmp, 16);
	__u16 port = ev->addrs.local_port;
	ev->addrs.local_port = ev->addrs.remote_port;
	ev->addrs.remote_port = port;
}

static __always_inline void tapio_drop(struct trace_event_raw_kfree_skb *ctx, __u32 reason,
				       __u16 proto)
{
	struct tapio_drop_event *ev = tapio_scratch_buf(TAPIO_EV_DROP);
	if (!ev)
		return;
	struct sk_buff *skb = ctx->skbaddr;
	__builtin_memset(ev, 0, sizeof(*ev));
	if (!tapio_packet_ends(skb, proto, &ev->addrs))
		return;

	struct sock *sk = NULL;
	struct trace_event_raw_kfree_skb___rx_sk *rx = (void *)ctx;
	if (bpf_core_field_exists(rx->rx_sk))
		sk = BPF_CORE_READ(rx, rx_sk);
	if (!sk)
		sk = BPF_CORE_READ(skb, sk);
	struct net_device *dev = BPF_CORE_READ(skb, dev);
	__u32 netns = 0;
	if (dev)
		netns = BPF_CORE_READ(dev, nd_net.net, ns.inum);
	if (!netns && sk)
		netns = BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
	/* a local socket sending: its own port is the packet's source port */
	tapio_drop_orient(ev, sk && ev->addrs.local_port != 0 &&
				      BPF_CORE_READ(sk, __sk_common.skc_num) == ev->addrs.local_port);
	ev->addrs.netns = netns;

	if (sk) {
		__u64 key = (__u64)sk;
		struct tapio_sock_track *t = bpf_map_lookup_elem(&tapio_socks, &key);
		if (t)
			ev->hdr = t->hdr;
	}
	ev->hdr.boot_ns = bpf_ktime_get_boot_ns();
	ev->hdr.kind = TAPIO_EV_DROP;
	ev->hdr.size = sizeof(*ev);
	if (!ev->hdr.ns.net)
		ev->hdr.ns.net = netns;
	ev->reason = reason;
	tapio_emit(ctx, ev, sizeof(*ev), TAPIO_EV_DROP);
}

SEC("tracepoint/skb/kfree_skb")
int tapio_kfree_skb(struct trace_event_raw_kfree_skb *ctx)
{
	__u32 reason = 0;
	if (bpf_core_field_exists(ctx->reason))
		reason = BPF_CORE_READ(ctx, reason);
	__u32 *wanted = bpf_map_lookup_elem(&tapio_drop_reasons, &reason);
	if (!wanted || !*wanted)
		return 0;
	__u16 proto = ctx->protocol; /* the tracepoint stores it in host order */
	if (proto != TAPIO_ETH_P_IP && proto != TAPIO_ETH_P_IPV6)
		return 0;
	if (!tapio_drop_admit() || !tapio_nest())
		return 0;
	tapio_drop(ctx, reason, proto);
	tapio_unnest();
	return 0;
}
