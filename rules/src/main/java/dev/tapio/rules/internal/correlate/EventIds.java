package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.EventHeader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of events, derived from what identifies an event (node, kernel time, thread, type): the same
 * event always has the same id, in a replay too, so a correlation alert names its steps' events
 * reproducibly.
 */
public final class EventIds {

  private EventIds() {}

  /** The id of {@code event}. */
  public static String event(EnrichedEvent e) {
    EventHeader h = e.event().header();
    String text =
        "event\0" + e.hostname() + '\0' + h.timeNanos() + '\0' + h.tid() + '\0' + e.type();
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
