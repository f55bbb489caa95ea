package dev.tapio.sensors.internal.spec;

import dev.tapio.sensors.Mechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One kernel hook of a sensor.
 *
 * @param hook a short name for statuses ({@code exec}, {@code openat})
 * @param eventTypes the Falco event types the hook produces or serves; the hook attaches only when
 *     one of them is requested
 * @param ladder the ways to attach it, best first
 */
public record ProgramSpec(String hook, Set<String> eventTypes, List<Attachment> ladder) {
  public ProgramSpec {
    eventTypes = Set.copyOf(eventTypes);
    ladder = List.copyOf(ladder);
    if (ladder.isEmpty()) {
      throw new IllegalArgumentException("hook " + hook + " has no attachment");
    }
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

  public boolean wanted(Set<String> requested) {
    return eventTypes.stream().anyMatch(requested::contains);
  }
}
