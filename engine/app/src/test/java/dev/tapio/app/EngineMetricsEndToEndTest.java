package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live engine on the real kernel, configured as {@code tapio run} would be, scraped over HTTP:
 * health, readiness, and every metric family with values that follow what was done.
 */
@Tag("privileged")
@HostOnly("HTTP health and metrics of a live engine: nothing here depends on the kernel")
class EngineMetricsEndToEndTest {
  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aRunningEngineServesHealthAndPlausibleMetrics() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the metrics end-to-end test needs root to load eBPF programs");
    EffectiveConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            List.of(
                FlagValue.parse("http.address=127.0.0.1:0"),
                // A receiver that is down: its alerts wait in the spool.
                FlagValue.parse("outputs.otlp.endpoint=http://127.0.0.1:" + closedPort()),
                FlagValue.parse("spool.directory=" + dir.resolve("spool")),
                // A tight kernel limit, so this test's burst of opens is throttled and counted
                // even where the opens come slowly (an emulated kernel runs the loop for minutes).
                FlagValue.parse("rateLimits.cgroup.fileRecordsPerSecond=10"),
                FlagValue.parse("rateLimits.cgroup.fileBurst=100")));
    var options = new EngineOptions(List.of(), false, null, true, 1 << 22, Map.of(), config);
    var alerts = new InMemoryAlertSink();
    try (TestCgroup cgroup = TestCgroup.create("metrics");
        Engine engine = new Engine(options, alerts)) {
      engine.start();
      String base = "http://127.0.0.1:" + engine.httpAddress().orElseThrow().getPort();
      assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);

      // The test's processes run in a cgroup of their own: the kernel's per-cgroup limit counts
      // only their opens, never those of whatever else runs on the node.
      run(cgroup.wrap("cat", "/etc/shadow"));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (EndToEnd.ruleAlerts(alerts).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(alerts.alerts()).as("the alert for cat reading /etc/shadow").isNotEmpty();
      // Opens the rules care about (the kernel filter lets them through), far above 10 a second
      // from this cgroup: the kernel throttles most; of the alerts the rest raise, the alert rate
      // limit passes a few and holds back the others.
      // (A child process: the kernel leaves the engine's own process out.)
      run(
          cgroup.wrap(
              "sh", "-c", "i=0; while [ $i -lt 3000 ]; do read x < /etc/shadow; i=$((i+1)); done"));
      Thread.sleep(1_000);

      String metrics = get(base + "/metrics").body();
      assertThat(value(metrics, "tapio_build_info\\{java=\"[^\"]+\",version=\"[^\"]+\"\\}"))
          .isEqualTo(1);
      assertThat(value(metrics, "tapio_rules_loaded\\{state=\"enabled\"\\}")).isPositive();
      double received = value(metrics, "tapio_pipeline_events_received_total");
      assertThat(received).isPositive();
      assertThat(value(metrics, "tapio_pipeline_events_processed_total"))
          .isPositive()
          .isLessThanOrEqualTo(received);
      assertThat(value(metrics, "tapio_pipeline_events_dropped_total")).isGreaterThanOrEqualTo(0);
      assertThat(value(metrics, "tapio_sensor_records_received_total\\{sensor=\"process\"\\}"))
          .isPositive();
      assertThat(value(metrics, "tapio_sensor_records_received_total\\{sensor=\"file\"\\}"))
          .isPositive();
      assertThat(metrics)
          .containsPattern(
              "tapio_sensor_records_dropped_total\\{kind=\"[a-z]+\",sensor=\"file\"\\}");
      assertThat(
              value(
                  metrics,
                  "tapio_sensor_records_throttled_total\\{kind=\"open\",sensor=\"file\"\\}"))
          .isPositive();
      // the engine's own opens are not seen; cat's libraries are opens no bundled rule wants
      assertThat(
              value(
                  metrics,
                  "tapio_sensor_records_filtered_total\\{kind=\"open\",sensor=\"file\"\\}"))
          .isPositive();
      // what the kernel skipped (recursion_misses; the host's kernel counts them)
      assertThat(value(metrics, "tapio_sensor_records_skipped_total\\{sensor=\"file\"\\}"))
          .isGreaterThanOrEqualTo(0);
      assertThat(value(metrics, "tapio_sensor_ring_buffer_capacity_bytes\\{sensor=\"file\"\\}"))
          .isEqualTo(1 << 22);
      assertThat(metrics)
          .containsPattern(
              "tapio_sensor_status\\{mechanism=\"[^\"]+\",sensor=\"process\",state=\"enabled\"\\} 1");
      assertThat(
              value(
                  metrics,
                  "tapio_alerts_total\\{priority=\"[A-Z]+\",rule=\"Credential file read\"\\}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "tapio_alerts_suppressed_total")).isPositive();
      assertThat(value(metrics, "tapio_alert_summaries_total")).isGreaterThanOrEqualTo(0);
      for (String sink : List.of("json", "otlp")) {
        double accepted =
            value(metrics, "tapio_alert_sink_accepted_total\\{sink=\"" + sink + "\"\\}");
        assertThat(accepted).as(sink).isBetween(6.0, 1_000.0);
        assertThat(value(metrics, "tapio_alert_sink_delivered_total\\{sink=\"" + sink + "\"\\}"))
            .isLessThanOrEqualTo(accepted);
        assertThat(value(metrics, "tapio_alert_sink_retried_total\\{sink=\"" + sink + "\"\\}"))
            .isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "tapio_alert_sink_spooled_total\\{sink=\"" + sink + "\"\\}"))
            .isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "tapio_alert_sink_pending\\{sink=\"" + sink + "\"\\}"))
            .isGreaterThanOrEqualTo(0);
        assertThat(
                value(
                    metrics,
                    "tapio_alert_sink_dropped_total\\{reason=\"queue_full\",sink=\""
                        + sink
                        + "\"\\}"))
            .isZero();
      }
      assertThat(value(metrics, "tapio_alert_sink_delivered_total\\{sink=\"otlp\"\\}")).isZero();
      assertThat(value(metrics, "tapio_alert_spool_bytes\\{sink=\"otlp\"\\}"))
          .isGreaterThanOrEqualTo(0);
    }
  }

  private static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the one sample whose name and labels match {@code series}. */
  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
    assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }
}
