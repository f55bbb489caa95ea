/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscalls that change what a task may see or do (namespaces, root, mounts, credentials, ptrace,
 * bpf, modules), paired per thread like file changes: sys_enter_* remembers the arguments and
 * the task's namespaces and credentials before the call, sys_exit_* reports them with the result
 * and the state after it. The namespaces after the call are the record header's, read from
 * current->nsproxy at sys_exit, so setns and unshare show both sides of the change.
 */
#ifndef TAPIO_PRIV_H
#define TAPIO_PRIV_H

#include "common.h"
#include "path.h"
#include "syscall.h"

struct tapio_priv_args {
	__u64 args[4];
	__u64 str[3];	/* user pointers to strings, or 0 */
	struct tapio_namespaces ns;
	struct tapio_creds cred;
	__u32 syscall;	/* enum tapio_priv_syscall */
	__u32 pad;
};

#ifdef TAPIO_PRIV_ARGS_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u64);
	__type(value, struct tapio_priv_args);
} tapio_priv_args SEC(".maps");

/* Credentials of the current task (current->cred; real_cred only differs during overrides). */
static __always_inline void tapio_read_creds(struct tapio_creds *c)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	const struct cred *cred = BPF_CORE_READ(task, cred);
	c->uid = BPF_CORE_READ(cred, uid.val);
	c->gid = BPF_CORE_READ(cred, gid.val);
	c->euid = BPF_CORE_READ(cred, euid.val);
	c->egid = BPF_CORE_READ(cred, egid.val);
	c->suid = BPF_CORE_READ(cred, suid.val);
	c->sgid = BPF_CORE_READ(cred, sgid.val);
	c->fsuid = BPF_CORE_READ(cred, fsuid.val);
	c->fsgid = BPF_CORE_READ(cred, fsgid.val);
	/* kernel_cap_t is a u64 since 6.3 and two u32 words before: the same 8 bytes either way. */
	bpf_probe_read_kernel(&c->cap_effective, 8, &cred->cap_effective);
	bpf_probe_read_kernel(&c->cap_permitted, 8, &cred->cap_permitted);
}

/* The per-thread slot for a call's arguments, filled with the state before it; NULL when self. */
static __always_inline struct tapio_priv_args *tapio_priv_begin(__u32 syscall)
{
	if (tapio_is_self())
		return NULL;
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_priv_args fresh = {.syscall = syscall};
	if (bpf_map_update_elem(&tapio_priv_args, &key, &fresh, BPF_ANY) != 0)
		return NULL;
	struct tapio_priv_args *a = bpf_map_lookup_elem(&tapio_priv_args, &key);
	if (!a)
		return NULL;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	tapio_fill_namespaces(task, &a->ns);
	tapio_read_creds(&a->cred);
	return a;
}

/* Remembers a call with up to four numeric arguments and no strings. */
static __always_inline void tapio_priv_enter(__u32 syscall, __u64 a0, __u64 a1, __u64 a2, __u64 a3)
{
	struct tapio_priv_args *a = tapio_priv_begin(syscall);
	if (!a)
		return;
	a->args[0] = a0;
	a->args[1] = a1;
	a->args[2] = a2;
	a->args[3] = a3;
}

/* Remembers a call with string arguments (user pointers, read at sys_exit while still mapped). */
static __always_inline void tapio_priv_enter_str(__u32 syscall, __u64 a0, __u64 s0, __u64 s1, __u64 s2)
{
	struct tapio_priv_args *a = tapio_priv_begin(syscall);
	if (!a)
		return;
	a->args[0] = a0;
	a->str[0] = s0;
	a->str[1] = s1;
	a->str[2] = s2;
}

/* Builds and emits the record from remembered arguments; the header is read now. */
static __always_inline void tapio_priv_emit(void *ctx, struct tapio_priv_args *a, long ret, __u32 flags)
{
	struct tapio_priv_event *ev = tapio_scratch_buf(TAPIO_EV_PRIV);
	if (!ev)
		return;
	tapio_fill_header(&ev->hdr, TAPIO_EV_PRIV);
	ev->result = ret;
	ev->args[0] = a->args[0];
	ev->args[1] = a->args[1];
	ev->args[2] = a->args[2];
	ev->args[3] = a->args[3];
	ev->ns_before = a->ns;
	ev->cred_before = a->cred;
	if (flags & TAPIO_PRIVF_NO_EXIT)
		ev->cred_after = a->cred;
	else
		tapio_read_creds(&ev->cred_after);
	ev->syscall = a->syscall;
	ev->flags = flags;
	ev->pad = 0;

	__u32 off = 0;
	__u32 len = 0;
	if (a->str[0])
		len = tapio_put_user_str(ev->data, (const void *)a->str[0]);
	ev->str1_len = len;
	off = len;
	len = 0;
	if (a->str[1])
		len = tapio_put_user_str(&ev->data[off], (const void *)a->str[1]);
	ev->str2_len = len;
	off += len;
	len = 0;
	if (a->str[2])
		len = tapio_put_user_str(&ev->data[off], (const void *)a->str[2]);
	ev->str3_len = len;
	off += len;

	__u64 size = sizeof(*ev) + off;
	ev->hdr.size = size;
	tapio_emit(ctx, ev, size, TAPIO_EV_PRIV);
}

/* At sys_exit: reports the call remembered at sys_enter with its result. */
static __always_inline void tapio_priv_exit(void *ctx, long ret)
{
	__u64 key = bpf_get_current_pid_tgid();
	struct tapio_priv_args *a = bpf_map_lookup_elem(&tapio_priv_args, &key);
	if (!a)
		return;
	tapio_priv_emit(ctx, a, ret, 0);
	bpf_map_delete_elem(&tapio_priv_args, &key);
}

#endif
