/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which frame of this CPU's scratch space (lib/maps.h) the running program builds its record in.
 *
 * A BPF program runs with migration disabled, which keeps it on its CPU, but not always with
 * preemption disabled: where syscall tracepoints may fault (7.x) and under a preemptible kernel
 * (preempt=full or lazy) trampolines (fentry, fexit, LSM) and syscall tracepoints run preemptible,
 * so another task's program can run on the same CPU halfway through; and a program in a task's
 * context can be interrupted by a softirq running the socket sensor's programs. One scratch
 * buffer per CPU let the second overwrite the record the first was building (a connect carrying
 * the server's pid, a recvfrom in place of a sendto). So:
 *
 *  - a program that runs only in a task's context claims a task frame for its run, owned by its
 *    thread (a thread runs one such program at a time; interrupts use the nested frames), and
 *    releases it at its end (tapio_frame_release, which TAPIO_SYSCALL_ENTER/EXIT and every other
 *    such program's section call). The claim is an atomic add (tapio_frame_claim), which holds
 *    where these programs can be preempted (5.11 on, where migrate_disable stopped being
 *    preempt_disable);
 *  - a program that may run in an interrupt (a file that defines TAPIO_NESTED before its
 *    includes: sock:inet_sock_set_state, skb:kfree_skb, signal:signal_generate, tracepoints that
 *    run with preemption off on every kernel) pushes a nested frame for its run
 *    (tapio_nest/tapio_unnest): such programs only nest, an interrupt's finishing before the
 *    program it interrupted goes on, so a depth count per CPU is a stack.
 *
 * The walker a program tail-calls runs in the same frame: the thread still owns it.
 */
#ifndef TAPIO_FRAME_H
#define TAPIO_FRAME_H

static __always_inline struct tapio_frames *tapio_frames_here(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&tapio_frames, &zero);
}

#ifdef TAPIO_NESTED

/* Pushes a frame for this run; false (nothing pushed) when every nested frame is in use. */
static __always_inline bool tapio_nest(void)
{
	struct tapio_frames *f = tapio_frames_here();
	if (!f)
		return false;
	__u32 depth = f->depth;
	if (depth >= TAPIO_FRAMES_NESTED)
		return false;
	f->depth = depth + 1;
	return true;
}

static __always_inline void tapio_unnest(void)
{
	struct tapio_frames *f = tapio_frames_here();
	if (f && f->depth > 0)
		f->depth -= 1;
}

/* The frame this run pushed, or -1 outside tapio_nest/tapio_unnest. */
static __always_inline int tapio_frame(void)
{
	struct tapio_frames *f = tapio_frames_here();
	if (!f)
		return -1;
	__u32 depth = f->depth;
	if (depth == 0 || depth > TAPIO_FRAMES_NESTED)
		return -1;
	return TAPIO_FRAMES_TASK + depth - 1;
}

#else

static __always_inline __u64 tapio_frame_owner(void)
{
	return (__u64)(__u32)bpf_get_current_pid_tgid() + 1;
}

/*
 * Takes frame i for owner, or leaves it: an atomic add to its claims, then whoever reads exactly
 * its own claim there holds it (a task preempted between the two by another claimant reads 2 and
 * backs off, as may the other: then neither holds it, never both). Only the holder writes the
 * owner. Atomic adds without a fetched result are all 5.10 allows (BPF_XADD; its verifier refuses
 * every other atomic, reachable or not), and they are enough.
 */
static __always_inline bool tapio_frame_claim(struct tapio_frames *f, int i, __u64 owner)
{
	if (*(volatile __u64 *)&f->claims[i] != 0)
		return false;
	__sync_fetch_and_add(&f->claims[i], 1);
	if (*(volatile __u64 *)&f->claims[i] == 1) {
		f->owner[i] = owner;
		return true;
	}
	__sync_fetch_and_add(&f->claims[i], -1);
	return false;
}

/* The task frame this thread holds on this CPU, claimed at the first use; -1 when all are taken. */
static __always_inline int tapio_frame(void)
{
	struct tapio_frames *f = tapio_frames_here();
	if (!f)
		return -1;
	__u64 me = tapio_frame_owner();
#pragma unroll
	for (int i = 0; i < TAPIO_FRAMES_TASK; i++)
		if (f->owner[i] == me)
			return i;
#pragma unroll
	for (int i = 0; i < TAPIO_FRAMES_TASK; i++)
		if (tapio_frame_claim(f, i, me))
			return i;
	return -1;
}

#endif

/* Ends a task program's run: the frame its thread holds here, if any, is free again. */
static __always_inline void tapio_frame_release(void)
{
#ifndef TAPIO_NESTED
	struct tapio_frames *f = tapio_frames_here();
	if (!f)
		return;
	__u64 me = tapio_frame_owner();
#pragma unroll
	for (int i = 0; i < TAPIO_FRAMES_TASK; i++)
		if (f->owner[i] == me) {
			f->owner[i] = 0;
			__sync_fetch_and_add(&f->claims[i], -1);
		}
#endif
}

/* This run's entry of a per-frame map, or NULL (no frame: the record is counted as dropped). */
static __always_inline void *tapio_frame_lookup(void *map)
{
	int frame = tapio_frame();
	if (frame < 0)
		return NULL;
	__u32 key = frame;
	return bpf_map_lookup_elem(map, &key);
}

#endif
