package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.app.pipeline.PipelineStats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LossReporterTest {

  @Test
  void reportsOnlyWhenSomethingWasLostSinceTheLastReport() {
    AtomicLong pipelineDrops = new AtomicLong();
    AtomicLong kernelDrops = new AtomicLong();
    try (var reporter =
        new LossReporter(
            () -> new PipelineStats(100, pipelineDrops.get(), 100, 0, 0, 0),
            () -> Map.of("file_open", kernelDrops.get()),
            Duration.ofHours(1))) {
      assertThat(reporter.report()).isFalse();
      pipelineDrops.set(5);
      assertThat(reporter.report()).isTrue();
      assertThat(reporter.report()).isFalse();
      kernelDrops.set(7);
      assertThat(reporter.report()).isTrue();
      assertThat(reporter.report()).isFalse();
    }
  }
}
