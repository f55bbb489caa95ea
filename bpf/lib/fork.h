/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Clone arguments remembered between a clone-family sys_enter and sched_process_fork, which
 * fires in the parent while the syscall runs and does not carry the flags itself.
 */
#ifndef TAPIO_FORK_H
#define TAPIO_FORK_H

#include "common.h"
#include "syscall.h"

#define TAPIO_CLONE_THREAD 0x00010000ULL
#define TAPIO_CLONE_VM 0x00000100ULL
#define TAPIO_CLONE_VFORK 0x00004000ULL
#define TAPIO_SIGCHLD 17ULL

struct tapio_clone_args {
	__u64 flags;
	__u32 syscall; /* enum tapio_fork_syscall */
	__u32 pad;
};

/* Keyed by the calling thread's pid_tgid. */
#ifdef TAPIO_CLONE_ARGS_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u64);
	__type(value, struct tapio_clone_args);
} tapio_clone_args SEC(".maps");

static __always_inline void tapio_remember_clone(__u64 flags, __u32 syscall)
{
	if (tapio_is_self())
		return;
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_clone_args args = {.flags = flags, .syscall = syscall};
	bpf_map_update_elem(&tapio_clone_args, &key, &args, BPF_ANY);
}

static __always_inline void tapio_fork(void *ctx, struct task_struct *child)
{
	if (tapio_is_self())
		return;
	struct tapio_fork_event *ev = tapio_scratch_buf(TAPIO_EV_FORK);
	if (!ev)
		return;
	tapio_fill_header(&ev->hdr, TAPIO_EV_FORK);
	ev->child_pid = BPF_CORE_READ(child, tgid);
	ev->child_tid = BPF_CORE_READ(child, pid);
	ev->pad = 0;
	BPF_CORE_READ_STR_INTO(&ev->comm, child, comm);

	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_clone_args *args = bpf_map_lookup_elem(&tapio_clone_args, &key);
	if (args) {
		ev->clone_flags = args->flags;
		ev->syscall = args->syscall;
		bpf_map_delete_elem(&tapio_clone_args, &key);
	} else {
		/* Kernel threads and callers seen before attach: infer what the task shows. */
		ev->clone_flags = ev->child_pid == ev->hdr.pid ? TAPIO_CLONE_THREAD : 0;
		ev->syscall = TAPIO_FORK_UNKNOWN;
	}
	ev->hdr.size = sizeof(*ev);
	tapio_emit(ctx, ev, sizeof(*ev), TAPIO_EV_FORK);
}

#endif
