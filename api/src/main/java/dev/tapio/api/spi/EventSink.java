package dev.tapio.api.spi;

import dev.tapio.api.event.Event;

/**
 * Receives decoded kernel events from a source. Called on the source's polling thread, in the order
 * the kernel produced the events for each CPU; must be quick and must not throw.
 */
@FunctionalInterface
public interface EventSink {
  void accept(Event event);
}
