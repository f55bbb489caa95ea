package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.app.pipeline.PipelineStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void eachReportIsAlsoARecordToTheSinksWithTheCountsAndALastOneAtClose() {
    AtomicLong pipelineDrops = new AtomicLong();
    AtomicLong kernelDrops = new AtomicLong();
    List<Alert> sent = new ArrayList<>();
    var reporter =
        new LossReporter(
            () -> new PipelineStats(100, pipelineDrops.get(), 100, 0, 0, 0),
            () -> Map.of("file_open", kernelDrops.get(), "exec", 2L),
            Duration.ofHours(1),
            sent::add,
            new InternalAlerts("node-1"));
    assertThat(reporter.report()).isTrue(); // the two exec records
    kernelDrops.set(7);
    pipelineDrops.set(5);
    assertThat(reporter.report()).isTrue();
    assertThat(reporter.report()).isFalse();
    kernelDrops.set(8);
    reporter.close();

    assertThat(sent)
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.rule()).isEqualTo(InternalAlerts.DROPS_RULE));
    Alert second = sent.get(1);
    assertThat(second.output())
        .isEqualTo(
            "Tapio internal: events dropped. 12 events lost since the last report: 7 in the kernel"
                + " (ring buffers full), 5 in the pipeline (queue full)");
    assertThat(second.outputFields())
        .containsEntry("tapio.drops.total", 12L)
        .containsEntry("tapio.drops.kernel", 7L)
        .containsEntry("tapio.drops.pipeline", 5L)
        .containsEntry("tapio.drops.kernel.file_open", 7L)
        .doesNotContainKey("tapio.drops.kernel.exec");
    assertThat(second.source()).isEqualTo(InternalAlerts.SOURCE);
    assertThat(second.hostname()).isEqualTo("node-1");
    assertThat(sent.get(2).outputFields()).containsEntry("tapio.drops.kernel", 1L);
  }
}
