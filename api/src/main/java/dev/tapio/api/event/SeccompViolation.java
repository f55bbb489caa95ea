package dev.tapio.api.event;

/**
 * A seccomp filter acted on a syscall. One violation is one event, even when the kernel shows it
 * twice (a SIGSYS and an audit record, an errno and an audit record): the sensors keep the first
 * and drop its twin.
 *
 * @param syscallNr the syscall number that was filtered, -1 when unknown
 * @param syscall its name, empty when unknown
 * @param action what the filter did
 * @param errno the errno returned for {@link Action#ERRNO}, else 0
 * @param source how the violation was seen
 */
public record SeccompViolation(
    EventHeader header, int syscallNr, String syscall, Action action, int errno, Source source)
    implements Event {

  /** The filter's action ({@code SECCOMP_RET_*}). */
  public enum Action {
    KILL_PROCESS,
    KILL_THREAD,
    TRAP,
    ERRNO,
    LOG;

    /** The short name rules compare: {@code kill}, {@code trap}, {@code errno}, {@code log}. */
    public String label() {
      return switch (this) {
        case KILL_PROCESS, KILL_THREAD -> "kill";
        case TRAP -> "trap";
        case ERRNO -> "errno";
        case LOG -> "log";
      };
    }
  }

  /** How the violation was seen. */
  public enum Source {
    /** The SIGSYS the filter sent (kill, trap): certain. */
    SIGNAL,
    /**
     * The errno a filter returned: where the kernel allows fentry, the filter's verdict at the
     * fexit of {@code __secure_computing}, any errno, certain; else an EPERM/EACCES returned to a
     * task under a seccomp filter, probable, since the syscall's exit does not say whether the
     * filter or the syscall refused.
     */
    ERRNO,
    /** The kernel's seccomp audit record (type 1326): certain. */
    AUDIT;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public String type() {
    return "seccomp";
  }
}
