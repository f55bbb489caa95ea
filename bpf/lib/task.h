/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a task's identity: credentials, session, terminal. */
#ifndef TAPIO_TASK_H
#define TAPIO_TASK_H

#include "common.h"

/*
 * A capability set as a 64-bit mask. kernel_cap_t is a u64 since 6.3 and two u32 words before;
 * both lay out the same 8 little-endian bytes, so one 8-byte read fits either flavor.
 */
static __always_inline __u64 tapio_read_caps(const kernel_cap_t *caps)
{
	__u64 v = 0;
	bpf_probe_read_kernel(&v, sizeof(v), caps);
	return v;
}

static __always_inline void tapio_fill_creds(struct task_struct *task, struct tapio_exec_event *ev)
{
	const struct cred *cred = BPF_CORE_READ(task, cred);
	ev->uid = BPF_CORE_READ(cred, uid.val);
	ev->gid = BPF_CORE_READ(cred, gid.val);
	ev->euid = BPF_CORE_READ(cred, euid.val);
	ev->egid = BPF_CORE_READ(cred, egid.val);
	ev->cap_effective = tapio_read_caps(&cred->cap_effective);
	ev->cap_permitted = tapio_read_caps(&cred->cap_permitted);
	ev->cap_inheritable = tapio_read_caps(&cred->cap_inheritable);
	/* loginuid exists only with CONFIG_AUDIT. */
	if (bpf_core_field_exists(task->loginuid))
		ev->loginuid = BPF_CORE_READ(task, loginuid.val);
	else
		ev->loginuid = (__u32)-1;
}

/* Host-level number of the process group or session the task belongs to. */
static __always_inline __u32 tapio_signal_pid(struct task_struct *task, int type)
{
	struct pid *pid = NULL;
	struct signal_struct *signal = BPF_CORE_READ(task, signal);
	bpf_probe_read_kernel(&pid, sizeof(pid), &signal->pids[type & 3]);
	if (!pid)
		return 0;
	return BPF_CORE_READ(pid, numbers[0].nr);
}

/* The controlling terminal as (major << 20) | minor, 0 without one. */
static __always_inline __u32 tapio_tty(struct task_struct *task)
{
	struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
	if (!tty)
		return 0;
	__u32 major = BPF_CORE_READ(tty, driver, major);
	__u32 minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
	return (major << 20) | (minor & 0xfffff);
}

#endif
