/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Full paths of kernel objects, built by walking dentries up to the root.
 *
 * The walk follows d_parent until it reaches the root of the current mount, then jumps to the
 * mount point in the parent mount (struct mount, found from the vfsmount it embeds), until the
 * root of the mount tree. The result is the host path: chroot is ignored.
 */
#ifndef TAPIO_PATH_H
#define TAPIO_PATH_H

#include "common.h"

#define TAPIO_PATH_COMPONENTS TAPIO_PATH_COMPONENTS_MAX
#define TAPIO_NAME_MASK 255
#define TAPIO_SLOT_SKIP 0xffffffffU
#define TAPIO_STR_MASK (TAPIO_STR_MAX - 1)

/*
 * Writes the path of (dentry, vfsmnt) into data, which must have TAPIO_STR_MAX + 256 bytes of
 * room, and returns its length.
 *
 * Two passes keep the verifier's work linear: the first collects name pointers leaf first, one
 * slot per iteration, without writing anything; the second copies them root first, each at an
 * offset masked into the piece. (Writing while walking lets every branch carry a different
 * offset range, and the verifier's state count explodes past its 1M-instruction limit.)
 */
/*
 * Whether two kernel pointers are equal, decided on a copy the verifier cannot relate to them.
 * A plain a == b teaches the verifier that both registers hold the same value; states that
 * learned different equalities never match, and a walk of n steps explores 3^n of them.
 */
static __always_inline bool tapio_same(const void *a, const void *b)
{
	__u64 diff = (__u64)a ^ (__u64)b;
	asm volatile("" : "+r"(diff));
	return diff == 0;
}

static __always_inline __u32 tapio_put_path(__u8 *data, struct dentry *dentry, struct vfsmount *vfsmnt)
{
	struct tapio_pathbuf *pb = tapio_frame_lookup(&tapio_pathbuf);
	if (!pb || !dentry || !vfsmnt)
		return 0;
	struct mount *mnt = container_of(vfsmnt, struct mount, mnt);
	struct mount *mnt_parent = BPF_CORE_READ(mnt, mnt_parent);

	/*
	 * Slot i belongs to iteration i, and the walk never breaks out early (at the root it keeps
	 * marking slots skipped), so the verifier tracks no counter and no exit per depth.
	 */
	for (int i = 0; i < TAPIO_PATH_COMPONENTS; i++) {
		struct dentry *mnt_root = BPF_CORE_READ(vfsmnt, mnt_root);
		struct dentry *parent = BPF_CORE_READ(dentry, d_parent);

		if (tapio_same(dentry, mnt_root)) {
			/* Root of this mount: continue at its mount point, one mount up. */
			pb->lens[i] = TAPIO_SLOT_SKIP;
			if (tapio_same(mnt, mnt_parent))
				continue; /* the root of the mount tree */
			dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
			mnt = mnt_parent;
			mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
			vfsmnt = &mnt->mnt;
			continue;
		}
		if (tapio_same(dentry, parent)) {
			/* an unmounted tree's root, e.g. a pipe or a lazily unmounted mount */
			pb->lens[i] = TAPIO_SLOT_SKIP;
			continue;
		}
		pb->names[i] = (__u64)BPF_CORE_READ(dentry, d_name.name);
		pb->lens[i] = BPF_CORE_READ(dentry, d_name.len);
		dentry = parent;
	}

	__u32 o = 0;
	for (int k = TAPIO_PATH_COMPONENTS - 1; k >= 0; k--) {
		if (pb->lens[k] == TAPIO_SLOT_SKIP)
			continue;
		/*
		 * Forget o's exact range: otherwise every number of components written so far is a
		 * different state to the verifier.
		 */
		asm volatile("" : "+r"(o));
		o &= TAPIO_STR_MASK;
		__u32 len = pb->lens[k] & TAPIO_NAME_MASK;
		if (o + len + 1 >= TAPIO_STR_MAX)
			break;
		data[o & TAPIO_STR_MASK] = '/';
		bpf_probe_read_kernel(&data[(o + 1) & TAPIO_STR_MASK], len, (void *)pb->names[k]);
		o = (o + len + 1) & TAPIO_STR_MASK;
	}
	if (o == 0) {
		data[0] = '/';
		o = 1;
	}
	return o & TAPIO_STR_MASK;
}

/* The struct file behind descriptor fd of task, or NULL. */
static __always_inline struct file *tapio_fd_file(struct task_struct *task, int fd)
{
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	unsigned int max = BPF_CORE_READ(fdt, max_fds);
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *file = NULL;
	if (fd < 0 || (unsigned int)fd >= max)
		return NULL;
	bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]);
	return file;
}

/*
 * Where a path walk starts: a dentry and its mount, or nothing (both NULL: no path). A hook picks
 * its walk first and calls tapio_put_path once: each inlined walk costs the verifier ~40,000
 * instructions, and a hook with one per branch took it more than half a second to load.
 */
struct tapio_walk {
	struct dentry *dentry;
	struct vfsmount *mnt;
};

static __always_inline struct tapio_walk tapio_file_walk(struct file *file)
{
	struct tapio_walk w = {};
	if (file) {
		w.dentry = BPF_CORE_READ(file, f_path.dentry);
		w.mnt = BPF_CORE_READ(file, f_path.mnt);
	}
	return w;
}

static __always_inline struct tapio_walk tapio_cwd_walk(struct task_struct *task)
{
	struct fs_struct *fs = BPF_CORE_READ(task, fs);
	struct tapio_walk w = {
		.dentry = BPF_CORE_READ(fs, pwd.dentry),
		.mnt = BPF_CORE_READ(fs, pwd.mnt),
	};
	return w;
}

/* The directory a relative path passed with dfd is relative to: the cwd or the dirfd's file. */
static __always_inline struct tapio_walk tapio_base_walk(struct task_struct *task, __s32 dfd)
{
	if (dfd == TAPIO_AT_FDCWD)
		return tapio_cwd_walk(task);
	return tapio_file_walk(tapio_fd_file(task, dfd));
}

static __always_inline __u32 tapio_put_walk(__u8 *data, struct tapio_walk w)
{
	return tapio_put_path(data, w.dentry, w.mnt);
}

static __always_inline __u32 tapio_put_file_path(__u8 *data, struct file *file)
{
	if (!file)
		return 0;
	return tapio_put_path(data, BPF_CORE_READ(file, f_path.dentry), BPF_CORE_READ(file, f_path.mnt));
}

static __always_inline __u32 tapio_put_cwd(__u8 *data, struct task_struct *task)
{
	struct fs_struct *fs = BPF_CORE_READ(task, fs);
	return tapio_put_path(data, BPF_CORE_READ(fs, pwd.dentry), BPF_CORE_READ(fs, pwd.mnt));
}

/* Copies a NUL-terminated user string into data; returns its length without the NUL. */
static __always_inline __u32 tapio_put_user_str(__u8 *data, const void *src)
{
	long n = bpf_probe_read_user_str(data, TAPIO_STR_MAX, src);
	return n > 0 ? (__u32)(n - 1) & TAPIO_STR_MASK : 0;
}

static __always_inline __u32 tapio_put_kernel_str(__u8 *data, const void *src)
{
	long n = bpf_probe_read_kernel_str(data, TAPIO_STR_MAX, src);
	return n > 0 ? (__u32)(n - 1) & TAPIO_STR_MASK : 0;
}

#endif
