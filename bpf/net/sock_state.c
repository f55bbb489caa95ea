/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: sock:inet_sock_set_state, a TCP socket changing state. Runs in softirq on whatever task
 * was running, so nothing here is read from the current task: the socket is looked up among the
 * ones a task connected or accepted (lib/net.h), and its record carries that task's header.
 * Reports the outcome of a connect that returned EINPROGRESS (SYN_SENT -> ESTABLISHED or CLOSE)
 * and the end of an established connection (-> CLOSE) with its duration. Every other change is
 * left at the first comparison.
 * Flavors: tp_btf, raw_tp (same arguments, untyped), classic tracepoint.
 */
#define TAPIO_NET_OWNER
/* runs in softirq too: its records go in a nested frame (lib/frame.h) */
#define TAPIO_NESTED
#include "net.h"

#define TAPIO_TCP_ESTABLISHED 1
#define TAPIO_TCP_SYN_SENT 2
#define TAPIO_TCP_CLOSE 7

static __always_inline void tapio_state_body(void *ctx, struct sock *sk, int oldstate, int newstate)
{
	if (oldstate != TAPIO_TCP_SYN_SENT && newstate != TAPIO_TCP_CLOSE)
		return;
	__u64 key = (__u64)sk;
	struct tapio_sock_track *t = bpf_map_lookup_elem(&tapio_socks, &key);
	if (!t)
		return;
	if (oldstate == TAPIO_TCP_SYN_SENT) {
		/* sk_err is set (ECONNREFUSED, ETIMEDOUT) before tcp_done moves the socket to CLOSE */
		__s64 outcome = newstate == TAPIO_TCP_ESTABLISHED ? 0 : -(__s64)BPF_CORE_READ(sk, sk_err);
		if (outcome == 0 && newstate != TAPIO_TCP_ESTABLISHED)
			outcome = -111; /* ECONNREFUSED when the kernel left no error */
		if (t->phase == TAPIO_TRACK_IN_CONNECT) {
			/* loopback: the handshake can finish before connect returns */
			t->outcome = outcome;
			t->outcome_known = 1;
			return;
		}
		if (t->phase != TAPIO_TRACK_PENDING)
			return;
		tapio_track_emit(ctx, sk, t, TAPIO_SOCK_CONNECT_ASYNC, outcome);
		if (outcome == 0) {
			tapio_track_open(sk, t);
		} else {
			bpf_map_delete_elem(&tapio_socks, &key);
		}
		return;
	}
	if (t->phase == TAPIO_TRACK_OPEN)
		tapio_track_emit(ctx, sk, t, TAPIO_SOCK_CLOSE, 0);
	bpf_map_delete_elem(&tapio_socks, &key);
}

static __always_inline void tapio_state(void *ctx, struct sock *sk, int oldstate, int newstate)
{
	if (!tapio_nest())
		return;
	tapio_state_body(ctx, sk, oldstate, newstate);
	tapio_unnest();
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(tapio_sock_state_btf, const struct sock *sk, const int oldstate, const int newstate)
{
	tapio_state(ctx, (struct sock *)sk, oldstate, newstate);
	return 0;
}

SEC("raw_tp/inet_sock_set_state")
int BPF_PROG(tapio_sock_state_raw, const struct sock *sk, const int oldstate, const int newstate)
{
	tapio_state(ctx, (struct sock *)sk, oldstate, newstate);
	return 0;
}

SEC("tracepoint/sock/inet_sock_set_state")
int tapio_sock_state_tp(struct trace_event_raw_inet_sock_set_state *ctx)
{
	tapio_state(ctx, (struct sock *)ctx->skaddr, ctx->oldstate, ctx->newstate);
	return 0;
}
