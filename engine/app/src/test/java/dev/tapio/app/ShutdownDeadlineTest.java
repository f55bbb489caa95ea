package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownDeadlineTest {

  @Test
  void aStopThatOverrunsTheDeadlineIsCutShort() throws Exception {
    CountDownLatch expired = new CountDownLatch(1);
    try (ShutdownDeadline d = ShutdownDeadline.arm(Duration.ofMillis(100), expired::countDown)) {
      assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aStopWithinTheDeadlineIsLeftAlone() throws Exception {
    CountDownLatch expired = new CountDownLatch(1);
    try (ShutdownDeadline d = ShutdownDeadline.arm(Duration.ofMillis(300), expired::countDown)) {
      Thread.sleep(50);
    }
    assertThat(expired.await(600, TimeUnit.MILLISECONDS)).isFalse();
  }
}
