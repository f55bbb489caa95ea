package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.FlagValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the end-to-end tests do around a live engine: run programs, wait for their alerts. */
final class EndToEnd {
  private EndToEnd() {}

  /** The alerts rules raised, without Tapio's records about itself (rule loads, losses). */
  static List<Alert> ruleAlerts(InMemoryAlertSink sink) {
    return sink.alerts().stream().filter(a -> !a.source().equals(InternalAlerts.SOURCE)).toList();
  }

  /**
   * Options of an engine on the bundled rules whose alerts go only to {@code receiver} over OTLP
   * (no JSON, spool or HTTP listener), with {@code settings} ({@code key=value}) on top.
   */
  static EngineOptions toOtlp(OtlpLogsReceiver receiver, String... settings) {
    List<FlagValue> flags = new ArrayList<>();
    for (String s :
        List.of(
            "outputs.otlp.endpoint=" + receiver.endpoint(),
            "outputs.json.enabled=false",
            "spool.enabled=false",
            "http.enabled=false")) {
      flags.add(FlagValue.parse(s));
    }
    for (String s : settings) {
      flags.add(FlagValue.parse(s));
    }
    return new EngineOptions(
        List.of(), false, null, false, 1 << 22, Map.of(), ConfigLoader.load(null, Map.of(), flags));
  }

  /** Runs {@code command} to completion; it must succeed. */
  static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }

  /** Waits up to 20 seconds for {@code sink} to hold {@code count} alerts raised by rules. */
  static void awaitAlerts(InMemoryAlertSink sink, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (ruleAlerts(sink).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
