/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hook: cgroup_mkdir, as a cgroup is created, with its path. Only the default (v2) hierarchy's:
 * the one whose ids bpf_get_current_cgroup_id returns. A container's cgroup can be gone before
 * its first event is enriched (a short-lived container, removed within the reorder delay); this
 * record names it in the meantime.
 * Flavors: tp_btf and raw_tp (both get the cgroup and its path; the classic tracepoint's layout of
 * the same fields moved between kernels).
 */
#include "common.h"
#include "path.h"

static __always_inline void tapio_cgroup_mkdir(void *ctx, struct cgroup *cgrp, const char *path)
{
	if (BPF_CORE_READ(cgrp, root, hierarchy_id) != 0)
		return;
	struct tapio_cgroup_event *ev = tapio_scratch_buf(TAPIO_EV_CGROUP);
	if (!ev)
		return;
	tapio_fill_header(&ev->hdr, TAPIO_EV_CGROUP);
	ev->id = BPF_CORE_READ(cgrp, kn, id);
	ev->level = BPF_CORE_READ(cgrp, level);
	ev->pad = 0;
	__u32 len = tapio_put_kernel_str(ev->data, path);
	ev->path_len = len;
	__u64 size = sizeof(*ev) + len;
	ev->hdr.size = size;
	tapio_emit(ctx, ev, size, TAPIO_EV_CGROUP);
}

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(tapio_cgroup_btf, struct cgroup *cgrp, const char *path)
{
	tapio_cgroup_mkdir(ctx, cgrp, path);
	tapio_frame_release();
	return 0;
}

SEC("raw_tp/cgroup_mkdir")
int BPF_PROG(tapio_cgroup_raw, struct cgroup *cgrp, const char *path)
{
	tapio_cgroup_mkdir(ctx, cgrp, path);
	tapio_frame_release();
	return 0;
}
