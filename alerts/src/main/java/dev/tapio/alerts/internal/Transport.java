package dev.tapio.alerts.internal;

import java.util.List;

/**
 * Moves one batch of encoded alerts to a receiver. Called only from the sink's delivery thread.
 *
 * @param <E> the encoded form of one alert
 */
public interface Transport<E> extends AutoCloseable {

  /**
   * Delivers {@code batch} completely or throws. A partial failure throws too: the whole batch is
   * retried and the receiver may see part of it twice (alert ids tell duplicates apart).
   */
  void deliver(List<E> batch) throws Exception;

  @Override
  default void close() {}
}
