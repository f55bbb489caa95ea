/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Opens, paired per thread: sys_enter_* remembers the arguments, sys_exit_* reports them with
 * the result, so a failed open is seen with its errno; where fexit is allowed, one program at the
 * kernel function does both (file/fexit_do_sys_openat2.c). The path is reported as passed; a relative
 * one also carries the path of the directory it was relative to (dirfd or cwd, found by walking
 * dentries), and Java joins the two. Absolute paths, most opens, cost no walk.
 */
#ifndef TAPIO_OPEN_H
#define TAPIO_OPEN_H

#include "common.h"
#include "path.h"
#include "filter.h"
#include "walker.h"

#define TAPIO_O_WRONLY 01
#define TAPIO_O_CREAT 0100
#define TAPIO_O_TRUNC 01000

struct tapio_open_args {
	__u64 filename; /* user pointer */
	__s32 dfd;
	__u32 flags;
	__u32 mode;
	__u32 syscall; /* enum tapio_open_syscall */
};

#ifdef TAPIO_OPEN_ARGS_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct tapio_open_args);
} tapio_open_args SEC(".maps");

static __always_inline void tapio_open_enter(__u32 syscall, __s32 dfd, __u64 filename, __u32 flags,
					     __u32 mode)
{
	if (tapio_is_self() || !tapio_filter_open_enter(syscall, flags))
		return;
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_open_args args = {
		.filename = filename, .dfd = dfd, .flags = flags, .mode = mode, .syscall = syscall};
	bpf_map_update_elem(&tapio_open_args, &key, &args, BPF_ANY);
}

/* Emits an open once its record holds the walked path (len bytes after the raw path's off). */
static __always_inline void tapio_open_walked(void *ctx, struct tapio_open_event *ev, __u32 off,
					      __u32 len)
{
	ev->path_len = len;
	if (!tapio_filter_open_record(ev, off, len))
		return;
	/* after the filter: a dropped open costs no header (its seven namespace reads) */
	tapio_fill_header(&ev->hdr, TAPIO_EV_OPEN);
	__u64 size = sizeof(*ev) + off + len;
	ev->hdr.size = size;
	tapio_emit(ctx, ev, size, TAPIO_EV_OPEN);
}

/*
 * Reports an open with its result: at sys_exit, where a walk is tapio_walker's (walker.h), or
 * at the fexit of the kernel function, which walks inline (walk_inline, a constant).
 */
static __always_inline void tapio_open_report(void *ctx, struct tapio_open_args a, long ret,
					      bool walk_inline)
{
	if (!tapio_filter_open_result(a.syscall, ret))
		return;

	struct tapio_open_event *ev = tapio_scratch_buf(TAPIO_EV_OPEN);
	if (!ev)
		return;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	ev->result = ret;
	ev->dfd = a.dfd;
	ev->flags = a.flags;
	ev->mode = a.mode;
	ev->syscall = a.syscall;
	ev->pad = 0;

	/*
	 * fd.name is the path as asked for, joined to its directory and normalized (Falco does not
	 * resolve symlinks either), so an absolute path needs no walk at all: Java normalizes it.
	 * A relative one carries the path of its directory (dirfd or cwd), whatever the result.
	 */
	__u32 off = tapio_put_user_str(ev->data, (const void *)a.filename);
	ev->raw_len = off;
	struct tapio_walk walk = {};
	if (off > 0 && ev->data[0] == '/') {
		ev->path_kind = TAPIO_PATH_NONE;
	} else if (off > 0) {
		ev->path_kind = TAPIO_PATH_BASE;
		walk = tapio_base_walk(task, a.dfd);
	} else if (ret >= 0) {
		/* the path could not be read: the opened file is the best there is */
		ev->path_kind = TAPIO_PATH_FILE;
		walk = tapio_file_walk(tapio_fd_file(task, ret));
	} else {
		ev->path_kind = TAPIO_PATH_NONE;
	}
	__u32 len = 0;
	if (tapio_walk_needed(walk)) {
		if (walk_inline) {
			len = tapio_put_walk(&ev->data[off], walk);
		} else {
			struct tapio_walk_job job = {.walk = walk, .kind = TAPIO_EV_OPEN, .off = off};
			tapio_walk_later(ctx, &job, false);
		}
	}
	tapio_open_walked(ctx, ev, off, len);
}

/* sys_exit_*: the open remembered at sys_enter_*, reported with its result. */
static __always_inline void tapio_open_exit(void *ctx, long ret)
{
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_open_args *args = bpf_map_lookup_elem(&tapio_open_args, &key);
	if (!args)
		return;
	struct tapio_open_args a = *args;
	bpf_map_delete_elem(&tapio_open_args, &key);
	tapio_open_report(ctx, a, ret, false);
}

#endif
