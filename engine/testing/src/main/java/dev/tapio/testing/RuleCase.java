package dev.tapio.testing;

import dev.tapio.api.context.EnrichedEvent;
import java.util.List;

/**
 * One test case: events in, alerts (or silence) expected.
 *
 * @param name what the case shows, as reports name it
 * @param file the case file it comes from
 * @param index its position in that file (0-based)
 * @param events the events, in order
 * @param expected the alerts that must fire; empty means the case expects silence
 * @param focus when not empty, only these rules' alerts are looked at; others are ignored
 */
public record RuleCase(
    String name,
    String file,
    int index,
    List<EnrichedEvent> events,
    List<ExpectedAlert> expected,
    List<String> focus) {

  public RuleCase {
    events = List.copyOf(events);
    expected = List.copyOf(expected);
    focus = List.copyOf(focus);
  }

  public boolean expectsSilence() {
    return expected.isEmpty();
  }

  /** {@code file#index name}, unique within a run. */
  public String id() {
    return file + "#" + index + " " + name;
  }
}
