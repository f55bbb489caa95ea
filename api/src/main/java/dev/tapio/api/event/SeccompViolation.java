package dev.tapio.api.event;

/**
 * A seccomp filter acted on a syscall.
 *
 * @param syscallNr the syscall number that was filtered
 * @param syscall its name, empty when unknown
 * @param action what the filter did
 * @param errno the errno returned for {@link Action#ERRNO}, else 0
 */
public record SeccompViolation(
    EventHeader header, int syscallNr, String syscall, Action action, int errno) implements Event {

  public enum Action {
    KILL_PROCESS,
    KILL_THREAD,
    TRAP,
    ERRNO,
    LOG
  }

  @Override
  public String type() {
    return "seccomp";
  }
}
