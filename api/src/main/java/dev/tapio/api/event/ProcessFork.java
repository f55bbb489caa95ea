package dev.tapio.api.event;

/**
 * A new task: {@code fork}, {@code vfork}, {@code clone} or {@code clone3}. The header is the
 * parent's; {@code childPid}/{@code childTid} name the new task.
 *
 * @param cloneFlags the clone flags (namespace flags such as {@code CLONE_NEWPID} included)
 */
public record ProcessFork(
    EventHeader header, String type, int childPid, int childTid, long cloneFlags, String comm)
    implements Event {

  /** Whether the new task is a thread of the same process rather than a new process. */
  public boolean isThread() {
    return (cloneFlags & 0x00010000L) != 0; // CLONE_THREAD
  }
}
