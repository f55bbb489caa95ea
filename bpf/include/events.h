/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The kernel -> Java ABI: every record a Tapio BPF program writes into a ring buffer.
 *
 * This is the only header shared with Java, and Java never copies it: the build generates the Java
 * declarations (class dev.tapio.sensors.internal.abi.Abi: offsets, sizes, enums) from the BTF of
 * the compiled code, following union tapio_abi at the end of this file. When a sensor loads, the
 * object's BTF is compared with what Java was generated from (names, offsets, sizes, enum values),
 * so a stale object makes the sensor refuse to start instead of mis-decoding. Keep every field
 * naturally aligned and every struct a multiple of 8 bytes.
 *
 * Enumerators are named TAPIO_<GROUP>_<NAME>. Java gets each enum as a Java enum whose constants
 * are the NAMEs; NAME in lower case is the name Java shows: the syscall of a *_syscall enum
 * (TAPIO_CHG_RENAMEAT2 is "renameat2"), the record kind in drop counters (TAPIO_EV_EXEC is
 * "exec"). So a new syscall is one enumerator here, spelled like the syscall.
 *
 * Variable-length data (paths, argv) follows the fixed part of a record, in the order of the
 * *_len fields, without NUL terminators.
 */
#ifndef TAPIO_EVENTS_H
#define TAPIO_EVENTS_H

/* Longest string or path copied into a record; also the size of one variable-length piece. */
#define TAPIO_STR_MAX 4096
/* Deepest path walked; deeper paths lose their outermost components. */
#define TAPIO_PATH_COMPONENTS_MAX 48
/* Up to four variable-length pieces per record. */
#define TAPIO_DATA_MAX (4 * TAPIO_STR_MAX)

/* Record kinds (struct tapio_header.kind); also the index into the per-CPU drop counters. */
enum tapio_event_kind {
	TAPIO_EV_EXEC = 1,
	TAPIO_EV_FORK = 2,
	TAPIO_EV_EXIT = 3,
	TAPIO_EV_OPEN = 4,
	TAPIO_EV_CHANGE = 5,
	TAPIO_EV_PRIV = 6,
	TAPIO_EV_CGROUP = 7,
	TAPIO_EV_SECCOMP = 12,
	TAPIO_EV_LSM = 13,
	TAPIO_EV_SOCKET = 18,
	TAPIO_EV_DROP = 19,
};

/* Sizes both sides depend on. */
enum tapio_limit {
	TAPIO_LIMIT_KINDS = 32,	/* slots of the per-kind counter maps: above every record kind */
	TAPIO_LIMIT_DROP_REASONS = 1024,	/* slots of the wanted drop reasons map: above every core reason */
	TAPIO_LIMIT_DROPS_PER_SEC = 2000,	/* drop records per second per CPU; the rest are counted */
};

/* struct tapio_exec_event.flags */
enum tapio_exec_flags {
	TAPIO_EXEC_EXECVEAT = 1,	/* the syscall was execveat (needs the execveat hooks) */
	TAPIO_EXEC_UPPER_LAYER = 2,	/* the executable is in an overlayfs upper (writable) layer */
};

/* Which syscall created a task (struct tapio_fork_event.syscall). */
enum tapio_fork_syscall {
	TAPIO_FORK_UNKNOWN = 0,
	TAPIO_FORK_CLONE = 1,
	TAPIO_FORK_CLONE3 = 2,
	TAPIO_FORK_FORK = 3,
	TAPIO_FORK_VFORK = 4,
};

/* Which syscall opened a file (struct tapio_open_event.syscall). */
enum tapio_open_syscall {
	TAPIO_OPEN_OPEN = 1,
	TAPIO_OPEN_OPENAT = 2,
	TAPIO_OPEN_OPENAT2 = 3,
	TAPIO_OPEN_CREAT = 4,
};

/* Which syscall changed a name or an attribute (struct tapio_change_event.syscall). */
enum tapio_change_syscall {
	TAPIO_CHG_RENAME = 1,
	TAPIO_CHG_RENAMEAT = 2,
	TAPIO_CHG_RENAMEAT2 = 3,
	TAPIO_CHG_UNLINK = 4,
	TAPIO_CHG_UNLINKAT = 5,
	TAPIO_CHG_RMDIR = 6,
	TAPIO_CHG_MKDIR = 7,
	TAPIO_CHG_MKDIRAT = 8,
	TAPIO_CHG_CHMOD = 9,
	TAPIO_CHG_FCHMODAT = 10,
	TAPIO_CHG_FCHMOD = 11,
	TAPIO_CHG_SYMLINK = 12,
	TAPIO_CHG_SYMLINKAT = 13,
	TAPIO_CHG_LINK = 14,
	TAPIO_CHG_LINKAT = 15,
	TAPIO_CHG_FCHMODAT2 = 16,	/* reported as fchmodat, which Falco's rules name (it adds flags) */
};

/*
 * Syscalls that change what a task may see or do (struct tapio_priv_event.syscall): its
 * namespaces and root, its credentials, another process (ptrace), the kernel (bpf, modules,
 * userfaultfd: page faults handled by a user-space thread, an exploit's way to pause the kernel
 * mid-copy).
 * UMOUNT is the umount2 syscall, whose tracepoint is named sys_enter_umount.
 */
enum tapio_priv_syscall {
	TAPIO_PRIV_SETNS = 1,
	TAPIO_PRIV_UNSHARE = 2,
	TAPIO_PRIV_MOUNT = 3,
	TAPIO_PRIV_UMOUNT = 4,
	TAPIO_PRIV_PIVOT_ROOT = 5,
	TAPIO_PRIV_CHROOT = 6,
	TAPIO_PRIV_SETUID = 7,
	TAPIO_PRIV_SETREUID = 8,
	TAPIO_PRIV_SETRESUID = 9,
	TAPIO_PRIV_SETGID = 10,
	TAPIO_PRIV_SETREGID = 11,
	TAPIO_PRIV_SETRESGID = 12,
	TAPIO_PRIV_SETFSUID = 13,
	TAPIO_PRIV_SETFSGID = 14,
	TAPIO_PRIV_CAPSET = 15,
	TAPIO_PRIV_PTRACE = 16,
	TAPIO_PRIV_BPF = 17,
	TAPIO_PRIV_INIT_MODULE = 18,
	TAPIO_PRIV_FINIT_MODULE = 19,
	TAPIO_PRIV_USERFAULTFD = 20,
};

/* struct tapio_priv_event.flags */
enum tapio_priv_flags {
	TAPIO_PRIVF_NO_EXIT = 1,	/* seen at sys_enter only: result and "after" state are unknown */
};

/* How a seccomp violation was seen (struct tapio_seccomp_event.source). */
enum tapio_seccomp_source {
	TAPIO_SCMP_SIGNAL = 1,	/* signal_generate: SIGSYS with si_code SYS_SECCOMP */
	TAPIO_SCMP_ERRNO = 2,	/* sys_exit of a filtered task with -EPERM/-EACCES: probable */
};

/* What the filter did, as far as the kernel path shows it (struct tapio_seccomp_event.action). */
enum tapio_seccomp_action {
	TAPIO_SCACT_KILL = 1,	/* SIGSYS after the task's seccomp mode became SECCOMP_MODE_DEAD */
	TAPIO_SCACT_TRAP = 2,	/* SIGSYS to a task still in filter mode */
	TAPIO_SCACT_ERRNO = 3,	/* the syscall returned the filter's errno */
};

/* Which syscall an LSM may have refused (struct tapio_lsm_event.syscall). */
enum tapio_lsm_syscall {
	TAPIO_LSM_OPEN = 1,
	TAPIO_LSM_OPENAT = 2,
	TAPIO_LSM_OPENAT2 = 3,
	TAPIO_LSM_CREAT = 4,
	TAPIO_LSM_EXECVE = 5,
	TAPIO_LSM_EXECVEAT = 6,
	TAPIO_LSM_CONNECT = 7,
	TAPIO_LSM_BIND = 8,
	TAPIO_LSM_MOUNT = 9,
	TAPIO_LSM_PTRACE = 10,
	TAPIO_LSM_BPF = 11,
};

/* Which LSM the kernel side could tie a denial to (struct tapio_lsm_event.marker). */
enum tapio_lsm_marker {
	TAPIO_MARK_NONE = 0,	/* no LSM restriction known for the task */
	TAPIO_MARK_LANDLOCK = 1,	/* the task or an ancestor called landlock_restrict_self */
};

/* What follows struct tapio_lsm_event's fixed part (object_kind). */
enum tapio_object_kind {
	TAPIO_OBJ_NONE = 0,
	TAPIO_OBJ_PATH = 1,	/* the path as passed, then the directory it is relative to */
	TAPIO_OBJ_SOCKADDR = 2,	/* the struct sockaddr as passed (object_len bytes) */
};

/* What struct tapio_open_event's resolved path is (path_kind). */
enum tapio_path_kind {
	TAPIO_PATH_NONE = 0,	/* nothing resolved: raw path is absolute or unresolvable */
	TAPIO_PATH_FILE = 1,	/* the opened file itself, from the new fd: raw path unreadable */
	TAPIO_PATH_BASE = 2,	/* the directory a relative raw path is relative to (dirfd or cwd) */
};

/*
 * What a socket record reports (struct tapio_sock_event.syscall). The syscalls are spelled like
 * the syscall; CONNECT_ASYNC is the outcome of a connect that returned EINPROGRESS, CLOSE the end
 * of a TCP connection, both seen at sock:inet_sock_set_state.
 */
enum tapio_sock_syscall {
	TAPIO_SOCK_CONNECT = 1,
	TAPIO_SOCK_ACCEPT = 2,
	TAPIO_SOCK_ACCEPT4 = 3,
	TAPIO_SOCK_BIND = 4,
	TAPIO_SOCK_LISTEN = 5,
	TAPIO_SOCK_SENDTO = 6,
	TAPIO_SOCK_RECVFROM = 7,
	TAPIO_SOCK_DUP = 8,
	TAPIO_SOCK_DUP2 = 9,
	TAPIO_SOCK_DUP3 = 10,
	TAPIO_SOCK_CONNECT_ASYNC = 11,
	TAPIO_SOCK_CLOSE = 12,
};

/* What a file descriptor is (struct tapio_fd_info.kind), from its inode's mode. */
enum tapio_fd_kind {
	TAPIO_FD_NONE = 0,	/* not open */
	TAPIO_FD_FILE = 1,	/* regular file, character or block device */
	TAPIO_FD_DIRECTORY = 2,
	TAPIO_FD_PIPE = 3,
	TAPIO_FD_SOCKET = 4,	/* struct tapio_fd_info.sock says which */
	TAPIO_FD_OTHER = 5,
};

/*
 * Both ends of a socket as the kernel holds them (struct sock_common), or as a syscall named
 * them. Addresses in network byte order (IPv4 in the first four bytes), ports in host order.
 */
struct tapio_sock_addrs {
	__u8 local[16];
	__u8 remote[16];
	__u16 family;		/* AF_INET 2, AF_INET6 10, AF_UNIX 1, 0 unknown */
	__u16 protocol;		/* IPPROTO_TCP 6, IPPROTO_UDP 17, ... */
	__u16 local_port;
	__u16 remote_port;
	__u32 netns;		/* the socket's network namespace (not the task's) */
	__u32 pad;
};

/* One file descriptor of a task: what it is and, for a socket, its ends. */
struct tapio_fd_info {
	__u32 kind;		/* enum tapio_fd_kind */
	__u32 pad;
	struct tapio_sock_addrs sock;
};

/* Namespace inode numbers, as /proc/PID/ns shows them. */
struct tapio_namespaces {
	__u32 mnt;
	__u32 pid;
	__u32 net;
	__u32 uts;
	__u32 ipc;
	__u32 user;
	__u32 cgroup;
	__u32 pad;
};

/* Starts every record. */
struct tapio_header {
	__u64 boot_ns;		/* bpf_ktime_get_boot_ns() */
	__u64 cgroup_id;	/* bpf_get_current_cgroup_id() */
	__u32 pid;		/* thread-group id */
	__u32 tid;		/* thread id */
	__u16 kind;		/* enum tapio_event_kind */
	/*
	 * The task's exec count (task_struct.self_exec_id, low 16 bits): one more after each exec,
	 * inherited by a fork. The exec record carries the new count, so a record whose count is
	 * ahead of the last exec seen for its process was made by a program whose exec record is
	 * still on its way (another ring, read later).
	 */
	__u16 exec_id;
	__u32 size;		/* bytes of the whole record, variable part included */
	struct tapio_namespaces ns;
};

/*
 * sched_process_exec: the task runs a new program. Followed by filename, argv, exe, cwd, env. env
 * is the new program's environment block (NUL-separated NAME=value strings) cut to its first
 * TAPIO_STR_MAX - 1 bytes: a fifth piece beyond TAPIO_DATA_MAX, which lib/maps.h's scratch space
 * makes room for.
 */
struct tapio_exec_event {
	struct tapio_header hdr;
	__u32 ppid;
	__u32 sid;
	__u32 pgid;
	__u32 tty;		/* (major << 20) | minor, 0 without a controlling terminal */
	__u32 uid;
	__u32 gid;
	__u32 euid;
	__u32 egid;
	__u32 loginuid;
	__u32 flags;		/* enum tapio_exec_flags */
	__u64 cap_effective;
	__u64 cap_permitted;
	__u64 cap_inheritable;
	char comm[16];
	struct tapio_fd_info stdio[3];	/* fds 0, 1, 2 of the new program */
	__u16 filename_len;
	__u16 argv_len;		/* NUL-separated arguments */
	__u16 exe_len;
	__u16 cwd_len;
	__u16 env_len;		/* NUL-separated NAME=value strings, cut at TAPIO_STR_MAX - 1 bytes */
	__u16 pad1;
	__u32 pad2;		/* data starts at sizeof: no tail padding */
	__u8 data[];
};

/* sched_process_fork: a new task. The header is the parent's. */
struct tapio_fork_event {
	struct tapio_header hdr;
	__u32 child_pid;
	__u32 child_tid;
	__u64 clone_flags;
	__u32 syscall;		/* enum tapio_fork_syscall */
	__u32 pad;
	char comm[16];
};

/* sched_process_exit: a task ended. */
struct tapio_exit_event {
	struct tapio_header hdr;
	__u32 exit_code;	/* as wait(2) encodes it */
	__u32 group_dead;	/* 1 when the last thread of the process ended */
};

/*
 * cgroup_mkdir on the default (v2) hierarchy: a cgroup was created. Followed by its path from the
 * hierarchy's root ("/kubepods/…/cri-containerd-<id>.scope"), so its id names a container even
 * after a short-lived one has removed it.
 */
struct tapio_cgroup_event {
	struct tapio_header hdr;	/* of the task that created it */
	__u64 id;		/* the new cgroup's id (bpf_get_current_cgroup_id of its tasks) */
	__u32 level;		/* depth below the root (the root is 0) */
	__u16 path_len;
	__u16 pad;
	__u8 data[];
};

/* sys_exit_open*: an open finished. Followed by the raw path, then the resolved path. */
struct tapio_open_event {
	struct tapio_header hdr;
	__s64 result;		/* new fd or -errno */
	__s32 dfd;
	__u32 flags;
	__u32 mode;
	__u16 syscall;		/* enum tapio_open_syscall */
	__u16 path_kind;	/* enum tapio_path_kind */
	__u16 raw_len;
	__u16 path_len;
	__u32 pad;
	__u8 data[];
};

/*
 * sys_exit_<rename|unlink|rmdir|mkdir|chmod|symlink|link...>: a change to the file system's names
 * or attributes. Followed by the path as passed, the directory it is relative to (empty when it
 * is absolute; for fchmod the file's own path), the second path as passed (rename/link: the new
 * name; symlink: the link's content) and the directory that one is relative to.
 */
struct tapio_change_event {
	struct tapio_header hdr;
	__s64 result;		/* 0 or -errno */
	__u32 syscall;		/* enum tapio_change_syscall */
	__u32 mode;		/* mkdir, chmod */
	__u32 flags;		/* unlinkat, renameat2, linkat */
	__u16 path_len;
	__u16 path_base_len;
	__u16 target_len;
	__u16 target_base_len;
	__u32 pad;
	__u8 data[];
};

/* A task's credentials (struct cred), as numbers. */
struct tapio_creds {
	__u32 uid;
	__u32 gid;
	__u32 euid;
	__u32 egid;
	__u32 suid;
	__u32 sgid;
	__u32 fsuid;
	__u32 fsgid;
	__u64 cap_effective;
	__u64 cap_permitted;
};

/*
 * sys_exit_<setns|unshare|mount|...|setuid|...|capset|ptrace|bpf>: a syscall that changed (or
 * tried to change) what the task may see or do. The header's namespaces are the task's after the
 * call; ns_before, cred_before are read at sys_enter, cred_after at sys_exit. args are the
 * syscall's numeric arguments in its own order (bpf: cmd, then the program type of a
 * BPF_PROG_LOAD). Followed by up to three strings (mount: source, target, fstype; umount,
 * chroot: the path; pivot_root: new root, old root; bpf: the program's name; modules: the
 * parameters).
 */
struct tapio_priv_event {
	struct tapio_header hdr;
	__s64 result;		/* return value or -errno; 0 with TAPIO_PRIVF_NO_EXIT */
	__u64 args[4];
	struct tapio_namespaces ns_before;
	struct tapio_creds cred_before;
	struct tapio_creds cred_after;
	__u32 syscall;		/* enum tapio_priv_syscall */
	__u32 flags;		/* enum tapio_priv_flags */
	__u16 str1_len;
	__u16 str2_len;
	__u16 str3_len;
	__u16 pad;
	__u8 data[];
};

/*
 * A socket operation. The header is the task's; for CONNECT_ASYNC and CLOSE, which happen in
 * softirq on whatever task runs, it is the header of the task that connected or accepted, with
 * the time of the state change.
 */
struct tapio_sock_event {
	struct tapio_header hdr;
	__s64 result;		/* the syscall's return value; CONNECT_ASYNC: 0 or -sk_err */
	__u64 duration_ns;	/* CLOSE: since connect or accept returned */
	struct tapio_sock_addrs addrs;
	__s32 fd;		/* the socket's fd (accept: the new one; dup*: the old one) */
	__s32 newfd;		/* dup*: the new fd; -1 otherwise */
	__u32 syscall;		/* enum tapio_sock_syscall */
	__u32 outbound;		/* CLOSE: 1 when this end connected, 0 when it accepted */
	/* CLOSE: the connection's traffic as struct tcp_sock counted it; 0 otherwise */
	__u64 bytes_out;	/* bytes_acked: sent and acknowledged by the peer */
	__u64 bytes_in;		/* bytes_received */
	__u32 packets_out;	/* segs_out */
	__u32 packets_in;	/* segs_in */
	__u32 retransmits;	/* total_retrans */
	__u32 pad;
};

/*
 * skb:kfree_skb: the kernel dropped an IPv4 or IPv6 packet, for a reason the running kernel's
 * enum skb_drop_reason names (Java reads the names from its BTF; the numbers differ between
 * kernels). Runs wherever the packet dies, often in softirq: the header is that of the task owning
 * the packet's socket when the socket sensor remembers it, else all zero but for the network
 * namespace, which is the packet's (its device's, else its socket's), never the current task's.
 */
struct tapio_drop_event {
	struct tapio_header hdr;
	struct tapio_sock_addrs addrs;	/* local: this namespace's end (an inbound packet's destination) */
	__u32 reason;		/* enum skb_drop_reason of the running kernel; 0 where it has none */
	__u32 outbound;		/* 1: the packet was leaving a local socket (local is its source) */
};

/*
 * A seccomp filter refused a syscall: SIGSYS from signal_generate (kill, trap) or, probably, an
 * -EPERM/-EACCES at sys_exit of a task in filter mode (errno; seccomp skips sys_enter).
 */
struct tapio_seccomp_event {
	struct tapio_header hdr;
	__s64 result;		/* -errno for TAPIO_SCMP_ERRNO, else 0 */
	__s32 syscall_nr;	/* the refused syscall, -1 when unknown */
	__u32 arch;		/* AUDIT_ARCH_* from the siginfo, 0 when unknown */
	__u16 source;		/* enum tapio_seccomp_source */
	__u16 action;		/* enum tapio_seccomp_action */
	__u32 pad;
};

/*
 * sys_exit_<syscall>: a security-relevant syscall failed with -EACCES or -EPERM in a task an LSM
 * may restrict. Followed by the object (object_kind): a path as passed and, for a relative path,
 * the directory it is relative to (base_len); or the socket address as passed.
 */
struct tapio_lsm_event {
	struct tapio_header hdr;
	__s64 result;		/* -errno */
	__u64 arg;		/* ptrace: target pid; bpf: command; else 0 */
	__u16 syscall;		/* enum tapio_lsm_syscall */
	__u16 marker;		/* enum tapio_lsm_marker */
	__u16 object_kind;	/* enum tapio_object_kind */
	__u16 object_len;
	__u16 base_len;
	__u16 pad[3];
	__u8 data[];
};

/* struct tapio_config.flags */
enum tapio_config_flags {
	/* Report -EACCES/-EPERM of tasks without a Landlock marker too: AppArmor or SELinux is active */
	TAPIO_CFG_ALL_DENIALS = 1,
};

/* Settings Java writes into the config map (key 0) before attaching. */
struct tapio_config {
	__u32 self_tgid;	/* events of this process are not emitted */
	__u32 flags;		/* enum tapio_config_flags */
	__u64 cgroup_rate;	/* file records per second per cgroup; 0 = no limit */
	__u64 cgroup_burst;	/* records a cgroup may send at once */
};

/*
 * Read-only constants Java sets before loading (section .rodata.tapio, lib/maps.h), so the
 * verifier drops the branches they rule out.
 */
struct tapio_constants {
	__u32 use_perf;		/* 1: records go to the perf buffer, not the ring buffer */
	/*
	 * Bit (1 << enum tapio_open_syscall) for each open syscall whose hook runs at the fexit of
	 * do_sys_openat2: that one program sees every open, and reports only the ones asked for.
	 */
	__u32 open_syscalls;
};

/*
 * The kernel filter (lib/filter.h), filled by Java from the rules before attaching. Paths are
 * looked up in two LPM tries keyed by a filter slot byte and the path's bytes: forwards (prefixes;
 * an exact path ends in its NUL) and backwards (suffixes). Each entry already carries the modes
 * and success of every shorter entry that is a prefix of it, so the longest match decides.
 */
enum tapio_filter_limit {
	TAPIO_FILTER_KEY_BYTES = 256,	/* slot byte + up to 255 path bytes */
	TAPIO_FILTER_SLOTS = 8,		/* filter slots: enum tapio_open_syscall values */
};

/* Key of the path tries: prefixlen in bits, then the slot byte, then path bytes. */
struct tapio_filter_key {
	__u32 prefixlen;
	__u8 data[TAPIO_FILTER_KEY_BYTES];
};

/* Value of a trie entry: which access modes pass (bit = flags & 3), whether only successes do. */
struct tapio_filter_entry {
	__u32 modes;
	__u32 success_only;
};

/* Per filter slot (the filter types map): whether it filters, and its modes and success overall. */
struct tapio_filter_type {
	__u32 active;
	__u32 modes;
	__u32 success_only;
	__u32 pad;
};

/* Token bucket of one cgroup (the buckets map, keyed by cgroup id). */
struct tapio_bucket {
	__s64 tokens;		/* signed: CPUs racing on the last token may take it below zero */
	__u64 last_ns;
};

/* Ring-buffer fill level, per CPU (the fill map, key 0). */
struct tapio_fill {
	__u64 last;		/* bytes waiting after this CPU's last write */
	__u64 high;		/* most bytes ever seen waiting */
};

/*
 * The table of contents of this ABI: every record, struct and enum above that Java reads or
 * writes. lib/maps.h names it in the scratch map, so it lands in the BTF of every sensor object;
 * Java's declarations are generated from the types reachable from here, and nothing else. A union
 * because records end in flexible arrays; it is never allocated.
 */
union tapio_abi {
	struct tapio_exec_event exec;
	struct tapio_fork_event fork;
	struct tapio_exit_event exit;
	struct tapio_cgroup_event cgroup;
	struct tapio_open_event open;
	struct tapio_change_event change;
	struct tapio_priv_event priv;
	struct tapio_sock_event sock;
	struct tapio_drop_event drop;
	struct tapio_seccomp_event seccomp;
	struct tapio_lsm_event lsm;
	struct tapio_config config;
	struct tapio_constants constants;
	struct tapio_bucket bucket;
	struct tapio_fill fill;
	struct tapio_filter_key filter_key;
	struct tapio_filter_entry filter_entry;
	struct tapio_filter_type filter_type;
	enum tapio_filter_limit filter_limit;
	enum tapio_event_kind kind;
	enum tapio_limit limit;
	enum tapio_exec_flags exec_flags;
	enum tapio_fork_syscall fork_syscall;
	enum tapio_open_syscall open_syscall;
	enum tapio_change_syscall change_syscall;
	enum tapio_path_kind path_kind;
	enum tapio_priv_syscall priv_syscall;
	enum tapio_priv_flags priv_flags;
	enum tapio_sock_syscall sock_syscall;
	enum tapio_fd_kind fd_kind;
	enum tapio_seccomp_source seccomp_source;
	enum tapio_seccomp_action seccomp_action;
	enum tapio_lsm_syscall lsm_syscall;
	enum tapio_lsm_marker lsm_marker;
	enum tapio_object_kind object_kind;
	enum tapio_config_flags config_flags;
};

#endif
