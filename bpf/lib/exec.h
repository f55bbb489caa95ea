/* SPDX-License-Identifier: Apache-2.0 */
/* Builds the exec record, shared by the tp_btf and tracepoint flavors of process/exec.c. */
#ifndef TAPIO_EXEC_H
#define TAPIO_EXEC_H

#include "common.h"
#include "syscall.h"
#include "path.h"
#include "sock.h"
#include "task.h"

/*
 * Threads in an execveat, set at its sys_enter and cleared at every sys_enter_execve, so a failed
 * execveat does not mislabel the thread's next execve.
 */
#ifdef TAPIO_EXECVEAT_OWNER
struct {
#else
extern struct {
#endif
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u8);
} tapio_execveat SEC(".maps");

#define TAPIO_OVERLAYFS_MAGIC 0x794c7630

/*
 * Whether a file lives in the upper (writable) layer of an overlayfs: a container's executable
 * that was not in its image. The overlay inode wraps the VFS inode; a non-NULL upper dentry
 * means the file was created or copied up there. Where no BTF has struct ovl_inode (5.10, whose
 * modules carry no BTF), the upper dentry is read where every kernel from 5.10 on keeps it.
 *
 * The type is declared here (a CO-RE flavor: libbpf matches it to the running kernel's
 * struct ovl_inode, in vmlinux or in the overlay module's BTF), because the BTF an object is
 * built against need not have it: Debian's arm64 kernel builds overlayfs as a module.
 */
struct ovl_inode___tapio {
	struct inode vfs_inode;
	struct dentry *__upperdentry;
} __attribute__((preserve_access_index));

static __always_inline bool tapio_in_upper_layer(struct file *file)
{
	if (!file)
		return false;
	struct inode *inode = BPF_CORE_READ(file, f_inode);
	if (BPF_CORE_READ(inode, i_sb, s_magic) != TAPIO_OVERLAYFS_MAGIC)
		return false;
	struct dentry *upper = NULL;
	if (bpf_core_type_exists(struct ovl_inode___tapio)) {
		struct ovl_inode___tapio *oi = (struct ovl_inode___tapio *)((char *)inode -
			bpf_core_field_offset(struct ovl_inode___tapio, vfs_inode));
		upper = BPF_CORE_READ(oi, __upperdentry);
	} else {
		/*
		 * No BTF for overlayfs: it is a module, and modules carry BTF from 5.11 on. Its inode
		 * keeps __upperdentry right after the VFS inode it embeds in every kernel from 5.10
		 * on, and the VFS inode's size comes from the kernel's own BTF.
		 */
		bpf_probe_read_kernel(&upper, sizeof(upper),
				      (char *)inode + bpf_core_type_size(struct inode));
	}
	return upper != NULL;
}

/* Where the new program's argv and environment are in its memory (user addresses). */
struct tapio_exec_strings {
	unsigned long arg_start, arg_end, env_start, env_end;
};

/*
 * Builds and emits the exec record once the new program's memory and executable are the task's
 * (current->mm, mm->exe_file). filename is a kernel string (bprm->filename or the tracepoint's
 * copy).
 */
static __always_inline void tapio_exec_strings(void *ctx, const char *filename,
					       struct tapio_exec_strings *s)
{
	if (tapio_is_self())
		return;
	struct tapio_exec_event *ev = tapio_scratch_buf(TAPIO_EV_EXEC);
	if (!ev)
		return;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();

	tapio_fill_header(&ev->hdr, TAPIO_EV_EXEC);
	ev->ppid = BPF_CORE_READ(task, real_parent, tgid);
	ev->sid = tapio_signal_pid(task, PIDTYPE_SID);
	ev->pgid = tapio_signal_pid(task, PIDTYPE_PGID);
	ev->tty = tapio_tty(task);
	tapio_fill_creds(task, ev);
	__u64 key = bpf_get_current_pid_tgid();
	ev->flags = 0;
	if (bpf_map_lookup_elem(&tapio_execveat, &key)) {
		ev->flags |= TAPIO_EXEC_EXECVEAT;
		bpf_map_delete_elem(&tapio_execveat, &key);
	}
	bpf_get_current_comm(ev->comm, sizeof(ev->comm));
	/* what the new program's standard streams are: a socket here is a shell on a connection */
	tapio_fd_info(task, 0, &ev->stdio[0]);
	tapio_fd_info(task, 1, &ev->stdio[1]);
	tapio_fd_info(task, 2, &ev->stdio[2]);

	__u32 off = 0;
	__u32 len = tapio_put_kernel_str(ev->data, filename);
	ev->filename_len = len;
	off += len;

	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	unsigned long arg_start = s->arg_start;
	unsigned long arg_end = s->arg_end;
	len = arg_end > arg_start ? (arg_end - arg_start) : 0;
	/* cut at TAPIO_STR_MAX - 1 bytes, as the environment below: a mask alone would wrap a longer
	 * argument block around to its length modulo the bound */
	if (len > TAPIO_STR_MASK)
		len = TAPIO_STR_MASK;
	barrier_var(len);
	len &= TAPIO_STR_MASK;
	if (bpf_probe_read_user(&ev->data[off], len, (void *)arg_start) != 0)
		len = 0;
	ev->argv_len = len;
	off += len;

	struct file *exe = BPF_CORE_READ(mm, exe_file);
	if (tapio_in_upper_layer(exe))
		ev->flags |= TAPIO_EXEC_UPPER_LAYER;
	len = tapio_put_file_path(&ev->data[off], exe);
	struct dentry *exe_dentry = BPF_CORE_READ(exe, f_path.dentry);
	if (len == 1 && exe_dentry && tapio_same(exe_dentry, BPF_CORE_READ(exe_dentry, d_parent))) {
		/*
		 * A file that was never linked into a directory: a memfd executed through
		 * /proc/self/fd/N (fileless execution). Its dentry is its own parent, so the walk
		 * yields "/"; its name (memfd:NAME) is all the path it has.
		 */
		len = 1 + tapio_put_kernel_str(&ev->data[off + 1],
					       BPF_CORE_READ(exe_dentry, d_name.name));
	}
	ev->exe_len = len;
	off += len;

	len = tapio_put_cwd(&ev->data[off], task);
	ev->cwd_len = len;
	off += len;

	/*
	 * The environment the new program was given, for Falco's proc.env: the start of the block
	 * create_elf_tables laid out on the new stack (resident, just written by copy_strings), cut
	 * at TAPIO_STR_MAX - 1 bytes. One bounded copy, as for argv.
	 */
	unsigned long env_start = s->env_start;
	unsigned long env_end = s->env_end;
	len = env_end > env_start ? (env_end - env_start) : 0;
	if (len > TAPIO_STR_MASK)
		len = TAPIO_STR_MASK;
	/* the clamp above is lost in register moves; the mask is what the verifier checks */
	barrier_var(len);
	len &= TAPIO_STR_MASK;
	if (off > TAPIO_DATA_MAX || bpf_probe_read_user(&ev->data[off], len, (void *)env_start) != 0)
		len = 0;
	ev->env_len = len;
	off += len;

	__u64 size = sizeof(*ev) + off;
	ev->hdr.size = size;
	tapio_emit(ctx, ev, size, TAPIO_EV_EXEC);
}

/*
 * Runs after the new program's memory is set up (sched_process_exec fires at the end of
 * exec_binprm, finalize_exec just before), so mm->arg_start..arg_end already holds the new argv.
 */
static __always_inline void tapio_exec(void *ctx, const char *filename)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	struct tapio_exec_strings s = {
		.arg_start = BPF_CORE_READ(mm, arg_start),
		.arg_end = BPF_CORE_READ(mm, arg_end),
		.env_start = BPF_CORE_READ(mm, env_start),
		.env_end = BPF_CORE_READ(mm, env_end),
	};
	tapio_exec_strings(ctx, filename, &s);
}

#endif
