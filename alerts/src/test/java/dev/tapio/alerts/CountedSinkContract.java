package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every counted sink promises: delivery in order, counters that add up, no exception and a
 * counted drop for an alert sent after close, and an idempotent close. Each sink's test subclasses
 * this with a real receiver behind it.
 */
abstract class CountedSinkContract {
  static final DeliveryPolicy POLICY =
      DeliveryPolicy.builder()
          .batchSize(16)
          .batchDelay(Duration.ofMillis(5))
          .maxAttempts(10)
          .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
          .flushTimeout(Duration.ofSeconds(10))
          .build();

  /** A new sink delivering to this test's receiver. */
  abstract CountedAlertSink newSink() throws Exception;

  /** The sequence numbers ({@code seq} output field) the receiver got, in arrival order. */
  abstract List<Long> received() throws Exception;

  /** Stops the receiver. */
  abstract void stopReceiver() throws Exception;

  @AfterEach
  void stop() throws Exception {
    stopReceiver();
  }

  @Test
  void deliversEveryAlertInOrder() throws Exception {
    try (CountedAlertSink sink = newSink()) {
      for (int i = 0; i < 200; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      sink.flush();
      assertThat(sink.stats().delivered()).isEqualTo(200);
    }
    assertThat(received()).hasSize(200).isSorted();
  }

  @Test
  void countersAddUp() throws Exception {
    try (CountedAlertSink sink = newSink()) {
      for (int i = 0; i < 50; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      sink.flush();
      SinkStats stats = sink.stats();
      assertThat(stats.accepted()).isEqualTo(50);
      assertThat(stats.delivered() + stats.totalDropped() + stats.pending()).isEqualTo(50);
      assertThat(stats.sink()).isEqualTo(sink.name());
    }
  }

  @Test
  void sendingAfterCloseIsCountedNotThrown() throws Exception {
    CountedAlertSink sink = newSink();
    sink.close();
    assertThatCode(() -> sink.send(TestAlerts.numbered("syscall", 1))).doesNotThrowAnyException();
    assertThat(sink.stats().dropped(DropReason.SHUTDOWN)).isEqualTo(1);
    assertThatCode(sink::close).doesNotThrowAnyException();
  }
}
