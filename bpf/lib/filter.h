/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The kernel filter: drops a file record no loaded rule could match, before it reaches the ring
 * buffer. Java derives it from the rules (api KernelFilter) and fills the maps below before
 * attaching; an empty filter (slot inactive) lets everything through.
 *
 *   tapio_filter_open_enter   at sys_enter: the access mode no rule wants is dropped before the
 *                             arguments are even remembered
 *   tapio_filter_open_failed  at sys_exit: a failed open, when every rule needs success
 *   tapio_filter_open_path    once the path Java will report is known (today: the opened file's
 *                             path from the dentry walk, always absolute and normalized), it is
 *                             looked up in the prefix and suffix tries; anything else passes
 *
 * Conservative by construction: every check here is implied by every rule that can match.
 * Dropped records are counted per CPU and record kind (tapio_filtered).
 */
#ifndef TAPIO_FILTER_H
#define TAPIO_FILTER_H

#include "common.h"

#ifdef TAPIO_FILTER_OWNER
#define TAPIO_FILTER_MAP
#else
#define TAPIO_FILTER_MAP extern
#endif

TAPIO_FILTER_MAP struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TAPIO_FILTER_SLOTS);
	__type(key, __u32);
	__type(value, struct tapio_filter_type);
} tapio_filter_types SEC(".maps");

TAPIO_FILTER_MAP struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 8192);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct tapio_filter_key);
	__type(value, struct tapio_filter_entry);
} tapio_filter_prefix SEC(".maps");

TAPIO_FILTER_MAP struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 8192);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct tapio_filter_key);
	__type(value, struct tapio_filter_entry);
} tapio_filter_suffix SEC(".maps");

/* Records the filter dropped, per CPU and per enum tapio_event_kind. */
TAPIO_FILTER_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_LIMIT_KINDS);
	__type(key, __u32);
	__type(value, __u64);
} tapio_filtered SEC(".maps");

/* Per-CPU keys: the lookup keys do not fit the 512-byte stack together. */
struct tapio_filter_keys {
	struct tapio_filter_key fwd;
	struct tapio_filter_key back;
	__u8 slack[8]; /* lets masked reads past the forward key stay inside the value */
};
TAPIO_FILTER_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tapio_filter_keys);
} tapio_filter_keys SEC(".maps");

static __always_inline struct tapio_filter_type *tapio_filter_slot(__u32 slot)
{
	struct tapio_filter_type *t = bpf_map_lookup_elem(&tapio_filter_types, &slot);
	return t && t->active ? t : NULL;
}

static __always_inline bool tapio_filter_drop(__u16 kind)
{
	tapio_count(&tapio_filtered, kind);
	return false;
}

/* At sys_enter: whether an open with these flags may interest a rule. */
static __always_inline bool tapio_filter_open_enter(__u32 slot, __u32 flags)
{
	struct tapio_filter_type *t = tapio_filter_slot(slot);
	if (t && !(t->modes & (1u << (flags & 3))))
		return tapio_filter_drop(TAPIO_EV_OPEN);
	return true;
}

/* At sys_exit, before any path is built: whether a failed open may interest a rule. */
static __always_inline bool tapio_filter_open_result(__u32 slot, long ret)
{
	struct tapio_filter_type *t = tapio_filter_slot(slot);
	if (t && ret < 0 && t->success_only)
		return tapio_filter_drop(TAPIO_EV_OPEN);
	return true;
}

/*
 * Whether the path Java will report for an open (path, len bytes, in kernel memory) may interest
 * a rule with these flags and result. Paths of 255 bytes or more, relative and non-normalized
 * paths pass. The path must be normalized (the dentry walk's always is).
 */
static __always_inline bool tapio_filter_open_path(__u32 slot, const __u8 *path, __u32 len,
						   __u32 flags, long ret)
{
	struct tapio_filter_type *t = tapio_filter_slot(slot);
	if (!t)
		return true;
	__u32 zero = 0;
	struct tapio_filter_keys *k = bpf_map_lookup_elem(&tapio_filter_keys, &zero);
	if (!k)
		return true;
	if (len == 0 || len >= TAPIO_FILTER_KEY_BYTES - 1)
		return true;
	/* keep the bound in a register the verifier has seen checked */
	asm volatile("%0 &= 0xff" : "+r"(len));
	if (bpf_probe_read_kernel(&k->fwd.data[1], len, path) != 0 || k->fwd.data[1] != '/')
		return true;
	k->fwd.data[0] = slot;
	k->fwd.data[(len + 1) & (TAPIO_FILTER_KEY_BYTES - 1)] = 0;
	k->fwd.prefixlen = (len + 2) * 8;
	__u32 bit = 1u << (flags & 3);
	struct tapio_filter_entry *e = bpf_map_lookup_elem(&tapio_filter_prefix, &k->fwd);
	if (e && (e->modes & bit) && (!e->success_only || ret >= 0))
		return true;
	k->back.data[0] = slot;
	for (__u32 i = 0; i < TAPIO_FILTER_KEY_BYTES - 2; i++) {
		if (i >= len)
			break;
		k->back.data[(i + 1) & (TAPIO_FILTER_KEY_BYTES - 1)] =
			k->fwd.data[(len - i) & (TAPIO_FILTER_KEY_BYTES - 1)];
	}
	k->back.prefixlen = (len + 1) * 8;
	e = bpf_map_lookup_elem(&tapio_filter_suffix, &k->back);
	if (e && (e->modes & bit) && (!e->success_only || ret >= 0))
		return true;
	return tapio_filter_drop(TAPIO_EV_OPEN);
}

/* The one call of sys_exit's open: checks the path the record will report, if it can. */
static __always_inline bool tapio_filter_open_record(struct tapio_open_event *ev, __u32 raw_len,
						     __u32 path_len)
{
	if (ev->path_kind == TAPIO_PATH_FILE && path_len > 0)
		return tapio_filter_open_path(ev->syscall, &ev->data[raw_len & (TAPIO_STR_MAX - 1)],
					      path_len, ev->flags, ev->result);
	/*
	 * A raw path (a failed open) passes: Java normalizes it, so it may name a path the tries
	 * would match only after removing "//", "." or "..".
	 */
	return true;
}

#endif
