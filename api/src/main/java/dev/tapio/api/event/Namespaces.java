package dev.tapio.api.event;

/**
 * Namespace inode numbers of a task, as {@code /proc/PID/ns/*} shows them. Inode numbers are reused
 * quickly once a namespace dies: compare them only with events close in time.
 */
public record Namespaces(long mnt, long pid, long net, long uts, long ipc, long user, long cgroup) {

  /** Namespaces that were not read (all zero). */
  public static final Namespaces UNKNOWN = new Namespaces(0, 0, 0, 0, 0, 0, 0);

  /** Whether any namespace differs from {@code other}'s. */
  public boolean differsFrom(Namespaces other) {
    return !equals(other);
  }
}
