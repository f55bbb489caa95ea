package dev.tapio.app.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.SinkStats;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool is on by default: alerts for an OTLP receiver that does not answer wait on disk under
 * the spool directory instead of being dropped.
 */
class AlertOutputsTest {
  @TempDir Path dir;

  @Test
  void anUnreachableOtlpReceiverLeavesAlertsInTheSpool() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    EffectiveConfig config =
        ConfigLoader.load(
            null,
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closedPort),
            List.of(
                FlagValue.parse("spool.directory=" + dir),
                FlagValue.parse("outputs.json.enabled=false"),
                FlagValue.parse("rateLimits.alerts.perKey=1000")));
    try (AlertOutputs outputs = AlertOutputs.start(config, Map.of(), true, List.of(), "test")) {
      for (int i = 0; i < 20; i++) {
        outputs.pipeline().send(alert(i));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (outputs.stats().getFirst().spooled() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      SinkStats otlp = outputs.stats().getFirst();
      assertThat(otlp.sink()).isEqualTo("otlp");
      assertThat(otlp.spooled()).isEqualTo(20);
      assertThat(otlp.totalDropped()).isZero();
      assertThat(otlp.pending()).isEqualTo(20);
      assertThat(outputs.spoolBytes().get("otlp")).isPositive();
      try (var files = Files.list(dir.resolve("otlp"))) {
        assertThat(files.toList()).isNotEmpty();
      }
    }
  }

  @Test
  void anUnwritableSpoolDirectoryFallsBackToATemporaryOne() throws Exception {
    Path file = dir.resolve("not-a-directory");
    Files.writeString(file, "x");
    Path chosen = SpoolRoot.choose(file.resolve("spool"));
    assertThat(chosen).isNotEqualTo(file.resolve("spool"));
    assertThat(Files.isDirectory(chosen) && Files.isWritable(chosen)).isTrue();
    Files.delete(chosen);
  }

  private static Alert alert(int i) {
    return new Alert(
        "alert-" + i,
        "Test rule",
        Priority.WARNING,
        "output " + i,
        Map.of("proc.name", "cat" + i),
        java.util.Set.of("test"),
        "syscall",
        1_000_000L + i,
        event());
  }

  private static EnrichedEvent event() {
    var open =
        new FileOpen(
            new EventHeader(1, 100, 100, 0, Namespaces.UNKNOWN),
            "openat",
            "/etc/shadow",
            "/etc/shadow",
            0,
            0,
            3);
    var p =
        new ProcessInfo(
            100,
            100,
            1,
            "cat",
            "cat",
            "/usr/bin/cat",
            List.of(),
            "/",
            1,
            1,
            0,
            Credentials.root(),
            0,
            false,
            false);
    return new EnrichedEvent(
        open,
        Lineage.of(p),
        new UserInfo(0, "root", null, null, -1, null, 0, "root"),
        ContainerInfo.HOST,
        null,
        "node");
  }
}
