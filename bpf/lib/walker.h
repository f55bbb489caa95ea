/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The file sensor's dentry walks, verified once. A walk (path.h) costs the verifier ~100,000
 * instructions wherever it is inlined, and nineteen exit programs with one each were most of
 * the sensors' start-up. The tracepoint exits instead leave their record half-built in scratch
 * space, say in tapio_walk_jobs what to walk and where the path goes, and tail-call
 * tapio_walker (file/walker.c): the one tracepoint program with a walk, which finishes the
 * record and emits it. A record that needs no walk (an absolute path, most opens) is emitted by
 * its exit program itself, with no tail call.
 *
 * A tail call stays within one program type, and for fexit within one attach function type: the
 * changes' fexit programs (lib/syscall.h), all on syscall functions of one type, tail-call
 * tapio_fn_walker instead, an fexit program of that type, through tapio_fn_walkers; the loader
 * loads each walker only where a hook that calls it runs. The open's fexit is one program for the
 * four opens, so it walks inline, verified once all the same.
 */
#ifndef TAPIO_WALKER_H
#define TAPIO_WALKER_H

#include "common.h"
#include "path.h"

/* Which walk of a change record a job is (struct tapio_walk_job.step). */
#define TAPIO_WALK_PATH_BASE 0
#define TAPIO_WALK_TARGET_BASE 1

/* What tapio_walker does for the record in scratch space; per frame, like the record. */
struct tapio_walk_job {
	struct tapio_walk walk;
	__u64 target;		/* change: the second name's user pointer, read after the first walk */
	__s32 target_dfd;	/* change: what that name is relative to */
	__u32 kind;		/* enum tapio_event_kind: TAPIO_EV_OPEN or TAPIO_EV_CHANGE */
	__u32 step;		/* change: TAPIO_WALK_PATH_BASE or TAPIO_WALK_TARGET_BASE */
	__u32 off;		/* where in the record's data the walked path goes */
};

#ifdef TAPIO_WALKER_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_FRAMES);
	__type(key, __u32);
	__type(value, struct tapio_walk_job);
} tapio_walk_jobs SEC(".maps");

/*
 * A walker's program array: slot 0 holds the walker, put there by the loader before any exit
 * program attaches (SensorCatalog names it; an initializer here would be lost by bpftool's static
 * linker). One array per walker: an array holds programs of one type.
 */
#ifdef TAPIO_WALKER_OWNER
#define TAPIO_WALKER_SLOT struct
#else
#define TAPIO_WALKER_SLOT extern struct
#endif
#define TAPIO_WALKERS(name)                                                                        \
	TAPIO_WALKER_SLOT {                                                                        \
		__uint(type, BPF_MAP_TYPE_PROG_ARRAY);                                             \
		__uint(max_entries, 1);                                                            \
		__type(key, __u32);                                                                \
		__type(value, __u32);                                                              \
	} name SEC(".maps")

TAPIO_WALKERS(tapio_walkers);	 /* tapio_walker, for the sys_exit tracepoints */
TAPIO_WALKERS(tapio_fn_walkers); /* tapio_fn_walker, for the fexit programs on syscall functions */

/* Whether a walk has somewhere to start: tapio_put_path writes nothing otherwise. */
static __always_inline bool tapio_walk_needed(struct tapio_walk w)
{
	return w.dentry && w.mnt;
}

/*
 * Hands the record in scratch space to tapio_walker (fn: tapio_fn_walker, a constant) with this
 * job; returns only when the tail call failed (the walker missing from its array), and the caller
 * then goes on without the walked path.
 */
static __always_inline void tapio_walk_later(void *ctx, struct tapio_walk_job *job, bool fn)
{
	struct tapio_walk_job *slot = tapio_frame_lookup(&tapio_walk_jobs);
	if (!slot)
		return;
	*slot = *job;
	if (fn)
		bpf_tail_call(ctx, &tapio_fn_walkers, 0);
	else
		bpf_tail_call(ctx, &tapio_walkers, 0);
}

#endif
