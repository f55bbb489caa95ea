/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Changes to names and attributes (rename, unlink, rmdir, mkdir, chmod, symlink, link and their
 * *at forms), paired per thread like opens: sys_enter_* remembers the arguments, sys_exit_*
 * reports them with the result. Paths are reported as passed plus the directory a relative one
 * is relative to (dirfd or cwd), read at exit, when the old name may already be gone; Java joins
 * them.
 */
#ifndef TAPIO_CHANGE_H
#define TAPIO_CHANGE_H

#include "common.h"
#include "path.h"
#include "walker.h"
#include "syscall.h"

/* A dirfd meaning "this path has no base": symlink content is not a path to resolve. */
#define TAPIO_NO_BASE (-1000)
/* fchmod: the "path" is the file behind this fd. */
#define TAPIO_FD_PATH (-1001)

struct tapio_change_args {
	__u64 path;	/* user pointer, or 0 */
	__u64 target;	/* user pointer, or 0 */
	__s32 dfd;
	__s32 target_dfd;
	__s32 fd;	/* fchmod */
	__u32 mode;
	__u32 flags;
	__u32 syscall;	/* enum tapio_change_syscall */
};

#ifdef TAPIO_CHANGE_ARGS_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u64);
	__type(value, struct tapio_change_args);
} tapio_change_args SEC(".maps");

static __always_inline void tapio_change_enter(__u32 syscall, __s32 dfd, __u64 path, __s32 target_dfd,
					       __u64 target, __u32 mode, __u32 flags)
{
	if (tapio_is_self())
		return;
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_change_args args = {
		.path = path,
		.target = target,
		.dfd = dfd,
		.target_dfd = target_dfd,
		.fd = -1,
		.mode = mode,
		.flags = flags,
		.syscall = syscall,
	};
	bpf_map_update_elem(&tapio_change_args, &key, &args, BPF_ANY);
}

static __always_inline void tapio_fchmod_enter(__s32 fd, __u32 mode)
{
	if (tapio_is_self())
		return;
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_change_args args = {
		.dfd = TAPIO_FD_PATH, .target_dfd = TAPIO_NO_BASE, .fd = fd, .mode = mode,
		.syscall = TAPIO_CHG_FCHMOD};
	bpf_map_update_elem(&tapio_change_args, &key, &args, BPF_ANY);
}

/*
 * Goes on with a change record after one of its walks (step, a constant; len bytes of walked path
 * at off, 0 for none): after the path's base, reads the second name and hands its base's walk
 * to tapio_walker where it has one; at the end, emits the record. Called by the exit program and
 * by tapio_walker.
 */
static __always_inline void tapio_change_walked(void *ctx, struct tapio_change_event *ev,
						struct tapio_walk_job *job, __u32 step, __u32 off,
						__u32 len, bool fn)
{
	off += len;
	if (step == TAPIO_WALK_PATH_BASE) {
		ev->path_base_len = len;
		len = 0;
		if (job->target)
			len = tapio_put_user_str(&ev->data[off & (TAPIO_DATA_MAX - 1)],
						 (const void *)job->target);
		ev->target_len = len;
		__u8 first = ev->data[off & (TAPIO_DATA_MAX - 1)];
		off += len;
		len = 0;
		if (ev->target_len > 0 && job->target_dfd != TAPIO_NO_BASE && first != '/') {
			struct task_struct *task = (struct task_struct *)bpf_get_current_task();
			struct tapio_walk target = tapio_base_walk(task, job->target_dfd);
			if (tapio_walk_needed(target)) {
				job->walk = target;
				job->step = TAPIO_WALK_TARGET_BASE;
				job->off = off;
				tapio_walk_later(ctx, job, fn);
			}
		}
	}
	ev->target_base_len = len;
	off += len;

	__u64 size = sizeof(*ev) + off;
	ev->hdr.size = size;
	tapio_emit(ctx, ev, size, TAPIO_EV_CHANGE);
}

/* At the syscall's exit (fn: at its kernel function's, a constant): reports the change. */
static __always_inline void tapio_change_exit(void *ctx, long ret, bool fn)
{
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_change_args *args = bpf_map_lookup_elem(&tapio_change_args, &key);
	if (!args)
		return;
	struct tapio_change_args a = *args;
	bpf_map_delete_elem(&tapio_change_args, &key);

	struct tapio_change_event *ev = tapio_scratch_buf(TAPIO_EV_CHANGE);
	if (!ev)
		return;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	tapio_fill_header(&ev->hdr, TAPIO_EV_CHANGE);
	ev->result = ret;
	ev->syscall = a.syscall;
	ev->mode = a.mode;
	ev->flags = a.flags;
	ev->pad = 0;

	/*
	 * Two walks at most, one per name, each tapio_walker's (walker.h): the path's base (fchmod:
	 * the file's own path, reported as the base of an empty path) and the target's base.
	 */
	struct tapio_walk_job job = {
		.target = a.target,
		.target_dfd = a.target_dfd,
		.kind = TAPIO_EV_CHANGE,
		.step = TAPIO_WALK_PATH_BASE,
	};
	__u32 off = 0;
	if (a.dfd == TAPIO_FD_PATH) {
		job.walk = tapio_file_walk(tapio_fd_file(task, a.fd));
	} else {
		off = tapio_put_user_str(ev->data, (const void *)a.path);
		if (off > 0 && ev->data[0] != '/')
			job.walk = tapio_base_walk(task, a.dfd);
	}
	ev->path_len = off;
	job.off = off;
	if (tapio_walk_needed(job.walk))
		tapio_walk_later(ctx, &job, fn);
	tapio_change_walked(ctx, ev, &job, TAPIO_WALK_PATH_BASE, off, 0, fn);
}

#endif
