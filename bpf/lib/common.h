/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What every hook needs: kernel types (vmlinux.h, generated from BTF), libbpf's helpers, the ABI
 * (events.h), the shared maps, and the record header.
 */
#ifndef TAPIO_COMMON_H
#define TAPIO_COMMON_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "events.h"
#include "maps.h"
#include "frame.h"

#define TAPIO_AT_FDCWD -100

/* Whether the current task belongs to the engine's own process (filtered out in the kernel). */
static __always_inline bool tapio_is_self(void)
{
	__u32 key = 0;
	struct tapio_config *cfg = bpf_map_lookup_elem(&tapio_config, &key);
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	return cfg && cfg->self_tgid == tgid;
}


/*
 * The pid namespace the task lives in (what /proc/PID/ns/pid shows): the namespace of the
 * task's struct pid at its deepest level, not nsproxy->pid_ns_for_children, which names where
 * the task's future children go.
 */
static __always_inline __u32 tapio_active_pid_ns(struct task_struct *task)
{
	struct pid *pid = BPF_CORE_READ(task, thread_pid);
	unsigned int level = BPF_CORE_READ(pid, level);
	struct upid upid = {};
	bpf_probe_read_kernel(&upid, sizeof(upid), &pid->numbers[level & 31]);
	return BPF_CORE_READ(upid.ns, ns.inum);
}

static __always_inline void tapio_fill_namespaces(struct task_struct *task, struct tapio_namespaces *ns)
{
	struct nsproxy *nsp = BPF_CORE_READ(task, nsproxy);
	ns->mnt = BPF_CORE_READ(nsp, mnt_ns, ns.inum);
	ns->net = BPF_CORE_READ(nsp, net_ns, ns.inum);
	ns->uts = BPF_CORE_READ(nsp, uts_ns, ns.inum);
	ns->ipc = BPF_CORE_READ(nsp, ipc_ns, ns.inum);
	ns->cgroup = BPF_CORE_READ(nsp, cgroup_ns, ns.inum);
	ns->user = BPF_CORE_READ(task, cred, user_ns, ns.inum);
	ns->pid = tapio_active_pid_ns(task);
	ns->pad = 0;
}

/* Fills the header of a record about the current task. */
static __always_inline void tapio_fill_header(struct tapio_header *hdr, __u16 kind)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	hdr->boot_ns = bpf_ktime_get_boot_ns();
	hdr->cgroup_id = bpf_get_current_cgroup_id();
	hdr->pid = pid_tgid >> 32;
	hdr->tid = (__u32)pid_tgid;
	hdr->kind = kind;
	hdr->exec_id = (__u16)BPF_CORE_READ(task, self_exec_id);
	hdr->size = 0;
	tapio_fill_namespaces(task, &hdr->ns);
}

static __always_inline void tapio_count(void *map, __u16 kind)
{
	__u32 k = kind;
	__u64 *count = bpf_map_lookup_elem(map, &k);
	if (count)
		*count += 1;
}

/*
 * The scratch buffer of this run's frame (lib/frame.h), for a record of this kind; NULL when no
 * frame was free, which counts the record as dropped.
 */
static __always_inline void *tapio_scratch_buf(__u16 kind)
{
	void *buf = tapio_frame_lookup(&tapio_scratch);
	if (!buf)
		tapio_count(&tapio_drops, kind);
	return buf;
}

/*
 * Whether the current cgroup may send one more file record: a token bucket per cgroup, refilled
 * at cgroup_rate per second up to cgroup_burst. Process lifecycle records are never limited (the
 * process tree needs every one). Updates race across CPUs; the limit is approximate by design.
 */
static __always_inline bool tapio_admit(__u16 kind)
{
	if (kind != TAPIO_EV_OPEN && kind != TAPIO_EV_CHANGE)
		return true;
	__u32 zero = 0;
	struct tapio_config *cfg = bpf_map_lookup_elem(&tapio_config, &zero);
	if (!cfg || cfg->cgroup_rate == 0)
		return true;
	__u64 cgroup = bpf_get_current_cgroup_id();
	__u64 now = bpf_ktime_get_ns();
	struct tapio_bucket *b = bpf_map_lookup_elem(&tapio_buckets, &cgroup);
	if (!b) {
		struct tapio_bucket fresh = {.tokens = (__s64)cfg->cgroup_burst, .last_ns = now};
		bpf_map_update_elem(&tapio_buckets, &cgroup, &fresh, BPF_ANY);
		b = bpf_map_lookup_elem(&tapio_buckets, &cgroup);
		if (!b)
			return true;
	}
	__u64 elapsed = now - b->last_ns;
	if (elapsed >= 1000000000ULL) {
		b->tokens = (__s64)cfg->cgroup_burst;
		b->last_ns = now;
	} else {
		__s64 refill = elapsed * cfg->cgroup_rate / 1000000000ULL;
		if (refill > 0) {
			__s64 t = b->tokens + refill;
			b->tokens = t > (__s64)cfg->cgroup_burst ? (__s64)cfg->cgroup_burst : t;
			b->last_ns = now;
		}
	}
	if (b->tokens <= 0)
		return false;
	__sync_fetch_and_sub(&b->tokens, 1);
	return true;
}

/*
 * Copies a finished record from scratch space into the ring buffer (or the perf buffer of this
 * CPU). A full buffer is counted per CPU and kind, never silent; the ring buffer's fill level is
 * sampled after every write.
 */
static __always_inline void tapio_emit(void *ctx, void *record, __u64 size, __u16 kind)
{
	__u32 key = 0;
	long rc;
	if (!tapio_admit(kind)) {
		tapio_count(&tapio_throttled, kind);
		return;
	}
	if (tapio_constants.use_perf)
		rc = bpf_perf_event_output(ctx, &tapio_perf, BPF_F_CURRENT_CPU, record, size);
	else
		rc = bpf_ringbuf_output(&tapio_events, record, size, 0);
	if (rc != 0) {
		tapio_count(&tapio_drops, kind);
		return;
	}
	if (tapio_constants.use_perf)
		return;
	struct tapio_fill *f = bpf_map_lookup_elem(&tapio_fill, &key);
	if (f) {
		__u64 avail = bpf_ringbuf_query(&tapio_events, BPF_RB_AVAIL_DATA);
		f->last = avail;
		if (avail > f->high)
			f->high = avail;
	}
}

#endif
