package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.spi.InMemoryAlertSink;
import java.time.Duration;

/** What the end-to-end tests do around a live engine: run programs, wait for their alerts. */
final class EndToEnd {
  private EndToEnd() {}

  /** Runs {@code command} to completion; it must succeed. */
  static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }

  /** Waits up to 20 seconds for {@code sink} to hold {@code count} alerts. */
  static void awaitAlerts(InMemoryAlertSink sink, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (sink.alerts().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
