/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The kernel filter: drops a file record no loaded rule could match, before it reaches the ring
 * buffer. Java derives it from the rules (api KernelFilter) and fills the maps below before
 * attaching; an empty filter (slot inactive) lets everything through.
 *
 *   tapio_filter_open_enter   at sys_enter: the access mode no rule wants is dropped before the
 *                             arguments are even remembered
 *   tapio_filter_open_result  at sys_exit: a failed open, when every rule needs success
 *   tapio_filter_open_record  once the record holds the path as passed: an absolute, normal
 *                             path (what Java reports unchanged) is looked up in the prefix and
 *                             suffix tries before any further work; anything else passes
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

/* Per-frame keys (lib/frame.h): the lookup keys do not fit the 512-byte stack together. */
struct tapio_filter_keys {
	struct tapio_filter_key fwd;
	struct tapio_filter_key back;
	__u8 slack[8]; /* lets masked reads past the forward key stay inside the value */
};
TAPIO_FILTER_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_FRAMES);
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
 * Whether a path Java reports unchanged may interest a rule with these flags and result: a
 * normal absolute path (path, len bytes without the NUL, in kernel memory) is looked up in the
 * prefix and suffix tries. Anything Java would still normalize passes, as do relative paths and
 * paths of 254 bytes or more: the tries hold normalized paths, and this is not the place to
 * normalize (see tapio_filter_normal).
 */
static __always_inline bool tapio_filter_open_path(__u32 slot, const __u8 *path, __u32 len,
						   __u32 flags, long ret)
{
	struct tapio_filter_type *t = tapio_filter_slot(slot);
	if (!t)
		return true;
	struct tapio_filter_keys *k = tapio_frame_lookup(&tapio_filter_keys);
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

	/*
	 * One pass from the end builds the suffix key and checks the path is normal: Java keeps a
	 * path with no "//", "/./", "/../" and no trailing "/", "/." or "/.." as it is
	 * (Paths.isNormal), anything else it rewrites, so it passes unchecked. The last four bytes
	 * seen slide through w, which starts as a "/" past the end so the trailing forms are the
	 * inner ones. No state but w: each iteration costs the verifier the same.
	 */
	k->back.data[0] = slot;
	__u32 w = '/';
	for (__u32 i = 0; i < TAPIO_FILTER_KEY_BYTES - 2; i++) {
		if (i >= len)
			break;
		__u8 c = k->fwd.data[(len - i) & (TAPIO_FILTER_KEY_BYTES - 1)];
		k->back.data[(i + 1) & (TAPIO_FILTER_KEY_BYTES - 1)] = c;
		w = (w << 8) | c;
		if (c == '/' && ((w & 0xffff) == 0x2f2f || (w & 0xffffff) == 0x2f2e2f ||
				 w == 0x2f2e2e2f))
			return true;
	}
	k->back.prefixlen = (len + 1) * 8;

	__u32 bit = 1u << (flags & 3);
	struct tapio_filter_entry *e = bpf_map_lookup_elem(&tapio_filter_prefix, &k->fwd);
	if (e && (e->modes & bit) && (!e->success_only || ret >= 0))
		return true;
	e = bpf_map_lookup_elem(&tapio_filter_suffix, &k->back);
	if (e && (e->modes & bit) && (!e->success_only || ret >= 0))
		return true;
	return tapio_filter_drop(TAPIO_EV_OPEN);
}

/*
 * The one call of sys_exit's open, once the record is built: checks the path Java will report,
 * where it is known in bytes. That is the raw path when it is absolute (Java reports it as is
 * when it is normal, and tapio_filter_open_path lets the others pass), or the opened file's
 * path when the raw one was unreadable (the dentry walk's, always normal). A relative path
 * passes: Java joins it to its base directory.
 */
static __always_inline bool tapio_filter_open_record(struct tapio_open_event *ev, __u32 raw_len,
						     __u32 path_len)
{
	if (ev->path_kind == TAPIO_PATH_NONE && raw_len > 0 && ev->data[0] == '/')
		return tapio_filter_open_path(ev->syscall, ev->data, raw_len, ev->flags, ev->result);
	if (ev->path_kind == TAPIO_PATH_FILE && path_len > 0)
		return tapio_filter_open_path(ev->syscall, &ev->data[raw_len & (TAPIO_STR_MAX - 1)],
					      path_len, ev->flags, ev->result);
	return true;
}

#endif
