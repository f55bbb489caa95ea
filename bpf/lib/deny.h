/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Denials an LSM may have made: a security-relevant syscall returning -EACCES or -EPERM. The kernel
 * does not say which check refused (DAC, capabilities, an LSM), so the record carries what is known
 * here: whether the task lives under a Landlock domain, as far as tapio_landlocked tells. Landlock's
 * domain sits in the cred's security blob at an offset only the kernel's landlock_blob_sizes knows;
 * instead the task that calls landlock_restrict_self successfully is remembered (its tgid and start
 * time), and a denial is Landlock's when the task or one of its ancestors is remembered. Tasks
 * restricted before the sensor started are not known.
 */
#ifndef TAPIO_DENY_H
#define TAPIO_DENY_H

#include "common.h"
#include "path.h"
#include "syscall.h"

#define TAPIO_EPERM 1
#define TAPIO_EACCES 13
#define TAPIO_ANCESTORS_MAX 8
#define TAPIO_SOCKADDR_MAX 128

/* tgid -> start time (boot ns) of the process that called landlock_restrict_self. */
#ifdef TAPIO_LANDLOCKED_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} tapio_landlocked SEC(".maps");

/* Whether the task or an ancestor (up to TAPIO_ANCESTORS_MAX up) is remembered as restricted. */
static __always_inline bool tapio_is_landlocked(struct task_struct *task)
{
	for (int i = 0; i < TAPIO_ANCESTORS_MAX && task; i++) {
		__u32 tgid = BPF_CORE_READ(task, tgid);
		__u64 *start = bpf_map_lookup_elem(&tapio_landlocked, &tgid);
		if (start && *start == BPF_CORE_READ(task, group_leader, start_time))
			return true;
		if (tgid <= 1)
			break;
		task = BPF_CORE_READ(task, real_parent);
	}
	return false;
}

/* What to copy as the denied object. */
enum tapio_deny_object {
	TAPIO_DENY_NONE,
	TAPIO_DENY_PATH,	/* path in argument `obj`, relative to the cwd */
	TAPIO_DENY_PATH_AT,	/* path in argument `obj`, relative to the dirfd in argument 1 */
	TAPIO_DENY_SOCKADDR,	/* sockaddr in argument `obj`, its length in the next one */
	TAPIO_DENY_NUMBER,	/* argument `obj` as a number (record field arg) */
};

/*
 * Starts the record of a denial, or returns NULL when it is not reported: not -EACCES/-EPERM, the
 * engine's own, or (unless `verdict`: the return value of a security_* hook, every LSM's combined
 * answer, so certainly an LSM's) a task no LSM is known to restrict while only those are wanted.
 */
static __always_inline struct tapio_lsm_event *tapio_deny_begin(long ret, __u16 syscall,
								 struct task_struct *task, bool verdict)
{
	if (ret != -TAPIO_EACCES && ret != -TAPIO_EPERM)
		return NULL;
	if (tapio_is_self())
		return NULL;
	__u16 marker = tapio_is_landlocked(task) ? TAPIO_MARK_LANDLOCK : TAPIO_MARK_NONE;
	__u32 zero = 0;
	struct tapio_config *cfg = bpf_map_lookup_elem(&tapio_config, &zero);
	if (!verdict && marker == TAPIO_MARK_NONE && !(cfg && (cfg->flags & TAPIO_CFG_ALL_DENIALS)))
		return NULL;
	struct tapio_lsm_event *ev = tapio_scratch_buf(TAPIO_EV_LSM);
	if (!ev)
		return NULL;
	tapio_fill_header(&ev->hdr, TAPIO_EV_LSM);
	ev->result = ret;
	ev->arg = 0;
	ev->syscall = syscall;
	ev->marker = marker;
	ev->object_kind = TAPIO_OBJ_NONE;
	ev->object_len = 0;
	ev->base_len = 0;
	ev->pad[0] = ev->pad[1] = ev->pad[2] = 0;
	return ev;
}

/* Sends a denial record whose object (len bytes, then base bytes) is in ev->data. */
static __always_inline void tapio_deny_send(void *ctx, struct tapio_lsm_event *ev, __u32 len,
					    __u32 base)
{
	ev->object_len = len;
	ev->base_len = base;
	/*
	 * Where the compiler knows the lengths' bounds it drops the mask, and the verifier, which
	 * lost them in register moves, refuses the output (6.1: "R3 unbounded memory access"):
	 * hide the value so the mask stays.
	 */
	__u32 total = len + base;
	barrier_var(total);
	__u64 size = sizeof(*ev) + (total & (TAPIO_DATA_MAX - 1));
	ev->hdr.size = size;
	tapio_emit(ctx, ev, size, TAPIO_EV_LSM);
}

/*
 * Reports a failed syscall as a possible LSM denial. Reads the object from the registers, which
 * still hold the arguments at sys_exit; a relative path carries the directory it is relative to.
 */
static __always_inline void tapio_deny_exit(void *ctx, long ret, __u16 syscall,
					    enum tapio_deny_object what, int obj)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct tapio_lsm_event *ev = tapio_deny_begin(ret, syscall, task, false);
	if (!ev)
		return;

	struct pt_regs *regs = tapio_current_regs();
	__u64 arg = tapio_syscall_arg(regs, obj);
	__u32 len = 0, base = 0;
	if (what == TAPIO_DENY_PATH || what == TAPIO_DENY_PATH_AT) {
		ev->object_kind = TAPIO_OBJ_PATH;
		len = tapio_put_user_str(ev->data, (const void *)arg);
		if (len > 0 && ev->data[0] != '/') {
			int dfd = what == TAPIO_DENY_PATH_AT ? (int)tapio_syscall_arg(regs, 1) : TAPIO_AT_FDCWD;
			if (dfd == TAPIO_AT_FDCWD)
				base = tapio_put_cwd(&ev->data[len], task);
			else
				base = tapio_put_file_path(&ev->data[len], tapio_fd_file(task, dfd));
		}
	} else if (what == TAPIO_DENY_SOCKADDR) {
		/*
		 * Constant-size reads keep the verifier happy: a unix address (up to 110 bytes) or
		 * the 28 bytes of a sockaddr_in6, else the 16 of a sockaddr_in. Java reads the
		 * family and takes what it needs.
		 */
		__u32 n = (__u32)tapio_syscall_arg(regs, obj + 1);
		long rc = -1;
		if (n > 28)
			rc = bpf_probe_read_user(ev->data, TAPIO_SOCKADDR_MAX, (const void *)arg);
		if (rc != 0 && n >= 28)
			rc = bpf_probe_read_user(ev->data, 28, (const void *)arg);
		if (rc != 0 && n >= 16)
			rc = bpf_probe_read_user(ev->data, 16, (const void *)arg);
		if (rc == 0) {
			ev->object_kind = TAPIO_OBJ_SOCKADDR;
			len = n > TAPIO_SOCKADDR_MAX ? TAPIO_SOCKADDR_MAX : n;
		}
	} else if (what == TAPIO_DENY_NUMBER) {
		ev->arg = arg;
	}
	tapio_deny_send(ctx, ev, len, base);
}

#endif
