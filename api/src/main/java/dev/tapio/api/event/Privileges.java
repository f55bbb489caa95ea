package dev.tapio.api.event;

/** What a change of credentials gave a task: shared by credential syscalls and set-uid execs. */
public final class Privileges {
  private Privileges() {}

  /** Whether {@code after} runs as root (effective uid 0) and {@code before} did not. */
  public static boolean gainedRoot(Credentials before, Credentials after) {
    return before.euid() != 0 && after.euid() == 0 || before.uid() != 0 && after.uid() == 0;
  }

  /**
   * Capabilities in {@code after}'s permitted set that {@code before}'s lacked, as a mask. Raising
   * an effective capability from the permitted set (capset) is no gain: the task had it already.
   */
  public static long gainedCapabilities(Credentials before, Credentials after) {
    return after.capPermitted() & ~before.capPermitted();
  }
}
