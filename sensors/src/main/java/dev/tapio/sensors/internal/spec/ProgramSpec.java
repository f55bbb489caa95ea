package dev.tapio.sensors.internal.spec;

import dev.tapio.sensors.Mechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One kernel hook of a sensor.
 *
 * @param hook a short name for statuses ({@code exec}, {@code openat})
 * @param eventTypes the Falco event types the hook produces or serves; the hook attaches only when
 *     one of them is requested
 * @param ladder the ways to attach it, best first
 * @param syscall the syscall (its {@code __NR_} name) whose tracepoints the hook attaches to, or
 *     null for a hook that is not one syscall's: the hook exists only on architectures that have it
 *     (arm64 has no {@code open}, {@code creat}, {@code rename}…, only their {@code *at} forms)
 */
public record ProgramSpec(
    String hook, Set<String> eventTypes, List<Attachment> ladder, @Nullable String syscall) {
  public ProgramSpec {
    eventTypes = Set.copyOf(eventTypes);
    ladder = List.copyOf(ladder);
    if (ladder.isEmpty()) {
      throw new IllegalArgumentException("hook " + hook + " has no attachment");
    }
  }

  /** A hook that every architecture has. */
  public ProgramSpec(String hook, Set<String> eventTypes, List<Attachment> ladder) {
    this(hook, eventTypes, ladder, null);
  }

  /** A hook with one attachment per {@code mechanism, program} pair, best first. */
  static ProgramSpec of(String hook, Set<String> eventTypes, Object... ladder) {
    List<Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < ladder.length; i += 2) {
      attachments.add(new Attachment((Mechanism) ladder[i], (String) ladder[i + 1]));
    }
    return new ProgramSpec(hook, eventTypes, attachments);
  }

  /** A hook with the given attachments, best first. */
  static ProgramSpec ladder(String hook, Set<String> eventTypes, Attachment... ladder) {
    return new ProgramSpec(hook, eventTypes, List.of(ladder));
  }

  /** This hook, on the tracepoints of {@code syscall}. */
  ProgramSpec onSyscall(String syscall) {
    return new ProgramSpec(hook, eventTypes, ladder, syscall);
  }

  /** Whether the hook can exist where these syscalls do. */
  public boolean existsWith(Predicate<String> hasSyscall) {
    return syscall == null || hasSyscall.test(syscall);
  }

  public boolean wanted(Set<String> requested) {
    return eventTypes.stream().anyMatch(requested::contains);
  }
}
