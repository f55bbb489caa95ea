package dev.tapio.api.event;

/**
 * What every kernel event carries.
 *
 * @param timeNanos wall-clock time of the event, nanoseconds since the Unix epoch
 * @param pid thread-group id (the process id user space sees, in the host pid namespace)
 * @param tid thread id
 * @param cgroupId the cgroup v2 directory inode of the task ({@code bpf_get_current_cgroup_id})
 * @param namespaces the task's namespace inodes when the event happened
 */
public record EventHeader(long timeNanos, int pid, int tid, long cgroupId, Namespaces namespaces) {}
