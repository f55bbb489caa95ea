/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Maps every program of a sensor object shares. lib/maps.c defines them once (TAPIO_MAPS_OWNER);
 * each hook file sees them as extern, and bpftool's static linker merges them into one object
 * per sensor, so one sensor has one ring buffer and one set of counters.
 */
#ifndef TAPIO_MAPS_H
#define TAPIO_MAPS_H

#ifdef TAPIO_MAPS_OWNER
#define TAPIO_MAP
#else
#define TAPIO_MAP extern
#endif

/* Records to user space. Java sets the size (bpf_map__set_max_entries) before loading. */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} tapio_events SEC(".maps");

/*
 * The fallback for kernels without ring buffers (before 5.8): one perf buffer per CPU. Java picks
 * one before loading, through tapio_constants.use_perf, and does not create the other map; the
 * verifier drops the branch that would use it, because tapio_constants is read-only.
 */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} tapio_perf SEC(".maps");

#ifdef TAPIO_MAPS_OWNER
const volatile struct tapio_constants tapio_constants SEC(".rodata.tapio") = {};
#else
extern const volatile struct tapio_constants tapio_constants;
#endif

/* Records that found the ring buffer full, per CPU and per enum tapio_event_kind. */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_LIMIT_KINDS);
	__type(key, __u32);
	__type(value, __u64);
} tapio_drops SEC(".maps");

/* Records a cgroup's token bucket refused, per CPU and per enum tapio_event_kind. */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_LIMIT_KINDS);
	__type(key, __u32);
	__type(value, __u64);
} tapio_throttled SEC(".maps");

/* Per-cgroup token buckets for file records (see tapio_admit in common.h). */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct tapio_bucket);
} tapio_buckets SEC(".maps");

/* Ring-buffer fill level as the writers saw it, per CPU. */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tapio_fill);
} tapio_fill SEC(".maps");

/* struct tapio_config at key 0. */
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tapio_config);
} tapio_config SEC(".maps");

/*
 * Scratch space comes in frames (lib/frame.h): per CPU, TAPIO_FRAMES_TASK frames a task's program
 * claims for its run (programs that run only in a task's context, which may be preempted on the
 * CPU by another task's), then TAPIO_FRAMES_NESTED frames stacked by the programs that may run in
 * an interrupt (with preemption off, so they only nest). Every per-CPU map a program keeps a
 * half-done record or walk in has one entry per frame.
 */
#define TAPIO_FRAMES_TASK 4
#define TAPIO_FRAMES_NESTED 3
#define TAPIO_FRAMES (TAPIO_FRAMES_TASK + TAPIO_FRAMES_NESTED)

/*
 * Who holds this CPU's frames: a task frame's claims (tasks trying to take it or holding it) and
 * its owner, the thread id + 1 of the one holding it (0: none).
 */
struct tapio_frames {
	__u64 claims[TAPIO_FRAMES_TASK];
	__u64 owner[TAPIO_FRAMES_TASK];
	__u32 depth;	/* nested frames in use */
	__u32 pad;
};
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tapio_frames);
} tapio_frames SEC(".maps");

/*
 * Scratch space where a record is assembled before bpf_ringbuf_output copies the used part, one
 * per frame: records have a variable size, and a ring-buffer reservation needs a constant one.
 * Naming union tapio_abi here puts every type of events.h into the object's BTF, where Java's
 * declarations come from and where the loader checks them.
 */
struct tapio_scratch {
	union {
		union tapio_abi abi;
		/* an exec record's environment is a fifth piece after TAPIO_DATA_MAX */
		__u8 buf[sizeof(struct tapio_exec_event) + TAPIO_DATA_MAX + TAPIO_STR_MAX + 512];
	};
};
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_FRAMES);
	__type(key, __u32);
	__type(value, struct tapio_scratch);
} tapio_scratch SEC(".maps");

/* The name pointers of one path walk, leaf first (see path.h), per frame. */
struct tapio_pathbuf {
	__u64 names[TAPIO_PATH_COMPONENTS_MAX];
	__u32 lens[TAPIO_PATH_COMPONENTS_MAX];
};
TAPIO_MAP struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TAPIO_FRAMES);
	__type(key, __u32);
	__type(value, struct tapio_pathbuf);
} tapio_pathbuf SEC(".maps");

#endif
