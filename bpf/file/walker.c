/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Not hooks: the programs the file sensor's exit programs tail-call to walk dentries (lib/walker.h),
 * one per program type, so the walk is verified once for them all. One walk per run: a change record's
 * second name tail-calls it again. Owns tapio_walk_jobs and tapio_walkers; links after
 * sys_enter_open.c, whose filter maps it uses, and before every exit program.
 */
#define TAPIO_WALKER_OWNER
#include "open.h"
#include "change.h"
#include "syscall.h"

/* The walk a job asks for, then the rest of its record; fn: the fexit walker, a constant. */
static __always_inline int tapio_walk_run(void *ctx, bool fn)
{
	struct tapio_walk_job *job = tapio_frame_lookup(&tapio_walk_jobs);
	__u8 *ev = tapio_scratch_buf(TAPIO_EV_OPEN);
	if (!job || !ev)
		return 0;
	__u32 kind = job->kind;
	__u32 step = job->step;
	/* where the path goes: after the raw path (< TAPIO_STR_MAX), or after three pieces */
	__u32 off = job->off;
	if (kind == TAPIO_EV_OPEN || step == TAPIO_WALK_PATH_BASE)
		off &= TAPIO_STR_MASK;
	else if (off >= 3 * TAPIO_STR_MAX)
		return 0;
	__u32 data = kind == TAPIO_EV_OPEN ? sizeof(struct tapio_open_event)
					   : sizeof(struct tapio_change_event);
	__u32 len = tapio_put_walk(&ev[data + off], job->walk);

	if (kind == TAPIO_EV_OPEN && !fn)
		tapio_open_walked(ctx, (struct tapio_open_event *)ev, off & TAPIO_STR_MASK, len);
	else if (step == TAPIO_WALK_PATH_BASE)
		tapio_change_walked(ctx, (struct tapio_change_event *)ev, job, TAPIO_WALK_PATH_BASE,
				    off & TAPIO_STR_MASK, len, fn);
	else if (off < 3 * TAPIO_STR_MAX)
		tapio_change_walked(ctx, (struct tapio_change_event *)ev, job, TAPIO_WALK_TARGET_BASE,
				    off, len, fn);
	return 0;
}

SEC("tracepoint")
int tapio_walker(void *ctx)
{
	tapio_walk_run(ctx, false);
	tapio_frame_release();
	return 0;
}

/*
 * The walker of the changes' fexit programs: verified as an fexit of a syscall function, whose
 * type every syscall function has, so each of them may tail-call it (opens walk inline there).
 */
SEC("fexit/" TAPIO_SYSCALL_FN "unlinkat")
int tapio_fn_walker(void *ctx)
{
	tapio_walk_run(ctx, true);
	tapio_frame_release();
	return 0;
}
