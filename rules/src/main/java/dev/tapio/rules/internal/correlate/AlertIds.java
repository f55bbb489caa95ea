package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.EventHeader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of alerts and events, derived from what identifies an event (node, kernel time, thread,
 * type): the same event always has the same id, so a replay raises the same alert ids and a
 * correlation names the alerts of its steps without having seen them.
 */
public final class AlertIds {

  private AlertIds() {}

  /** The id of the alert {@code rule} raises on {@code event}. */
  public static String alert(String rule, EnrichedEvent event) {
    return uuid("alert", rule, event);
  }

  /** The id of {@code event} itself (a correlation step that is a condition, not a rule). */
  public static String event(EnrichedEvent event) {
    return uuid("event", "", event);
  }

  private static String uuid(String kind, String name, EnrichedEvent e) {
    EventHeader h = e.event().header();
    String text =
        kind
            + '\0'
            + name
            + '\0'
            + e.hostname()
            + '\0'
            + h.timeNanos()
            + '\0'
            + h.tid()
            + '\0'
            + e.type();
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
