package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel drop forced for real: the smallest ring buffer, no per-cgroup limit, and a burst of
 * opens the rules want; the loss reaches the sinks as an alert-shaped record with the counts.
 */
@Tag("privileged")
@HostOnly(
    "20,000 alerts through a live engine: minutes under emulation, where a guest ran out of time"
        + " on it; the ring buffer's loss accounting is the same on every tier")
class KernelDropReportEndToEndTest {
  @TempDir Path dir;

  @Test
  void aKernelDropReachesTheSinksAsARecordWithTheCounts() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the kernel drop test needs root to load eBPF programs");
    EffectiveConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            List.of(
                FlagValue.parse("http.enabled=false"),
                FlagValue.parse("spool.directory=" + dir.resolve("spool")),
                FlagValue.parse("rateLimits.cgroup.fileRecordsPerSecond=0"),
                FlagValue.parse("rateLimits.alerts.enabled=false"),
                FlagValue.parse("rateLimits.lossReports.interval=500ms")));
    var options = new EngineOptions(List.of(), false, null, false, 4096, Map.of(), config);
    var alerts = new InMemoryAlertSink();
    try (Engine engine = new Engine(options, alerts)) {
      engine.start();
      // A 4KiB ring holds a handful of records; a shell loop without forks opens far faster than
      // the reader drains it.
      EndToEnd.run(
          "sh", "-c", "i=0; while [ $i -lt 20000 ]; do read x < /etc/shadow; i=$((i+1)); done");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      Optional<Alert> report = Optional.empty();
      while (report.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        report =
            alerts.alerts().stream()
                .filter(a -> a.rule().equals(InternalAlerts.DROPS_RULE))
                .findFirst();
      }
      assertThat(report).as("a drop report among the alerts").isPresent();
      Alert drop = report.get();
      long kernel = (Long) drop.outputFields().get("tapio.drops.kernel");
      assertThat(kernel).isPositive();
      assertThat(drop.output()).contains(kernel + " in the kernel (ring buffers full)");
      assertThat(JsonLinesSink.format(drop))
          .contains("\"rule\":\"Tapio internal: events dropped\"")
          .contains("\"tapio.drops.kernel\":" + kernel);
    }
  }
}
