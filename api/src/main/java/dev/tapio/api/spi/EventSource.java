package dev.tapio.api.spi;

import java.util.Set;

/**
 * Something that produces kernel events: a sensor, a replayed recording. Started once, closed once;
 * a source that cannot start reports it through {@link #status()} rather than throwing, so one
 * failing source never stops the others.
 */
public interface EventSource extends AutoCloseable {

  String name();

  /**
   * Starts producing events into {@code sink}.
   *
   * @param eventTypes the Falco event types the loaded rules can match (plus those enrichment
   *     needs); a source emits nothing else, and may decline to attach at all when the set does not
   *     concern it
   */
  void start(Set<String> eventTypes, EventSink sink);

  SourceStatus status();

  @Override
  void close();
}
