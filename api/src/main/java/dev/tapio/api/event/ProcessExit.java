package dev.tapio.api.event;

/**
 * A task ended ({@code procexit}).
 *
 * @param exitCode the exit status as {@code wait} encodes it
 * @param signal the terminating signal, 0 when the task exited normally
 * @param groupLeader whether the whole process ended (not only a thread)
 */
public record ProcessExit(EventHeader header, int exitCode, int signal, boolean groupLeader)
    implements Event {

  @Override
  public String type() {
    return "procexit";
  }
}
