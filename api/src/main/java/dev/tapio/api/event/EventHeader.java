package dev.tapio.api.event;

/**
 * What every kernel event carries.
 *
 * @param timeNanos wall-clock time of the event, nanoseconds since the Unix epoch
 * @param pid thread-group id (the process id user space sees, in the host pid namespace)
 * @param tid thread id
 * @param cgroupId the cgroup v2 directory inode of the task ({@code bpf_get_current_cgroup_id})
 * @param namespaces the task's namespace inodes when the event happened
 * @param execId the task's exec count when the event happened (the kernel's {@code self_exec_id},
 *     its low 16 bits): one more after each exec, inherited by a fork, so it tells which program of
 *     the process made the event; {@link #NO_EXEC_ID} where the source does not know it (audit
 *     records, recordings, events made up by the engine)
 */
public record EventHeader(
    long timeNanos, int pid, int tid, long cgroupId, Namespaces namespaces, int execId) {
  /** The {@link #execId} of an event whose source does not know it. */
  public static final int NO_EXEC_ID = -1;

  /** The largest {@link #execId}: the counter wraps to 0 after it. */
  public static final int MAX_EXEC_ID = 0xffff;

  public EventHeader {
    if (execId < NO_EXEC_ID || execId > MAX_EXEC_ID) {
      throw new IllegalArgumentException(
          "execId must be -1 or 0.." + MAX_EXEC_ID + ", was " + execId);
    }
  }

  /** A header whose source does not know the task's exec count. */
  public EventHeader(long timeNanos, int pid, int tid, long cgroupId, Namespaces namespaces) {
    this(timeNanos, pid, tid, cgroupId, namespaces, NO_EXEC_ID);
  }
}
