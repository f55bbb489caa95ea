package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.app.OtlpLogsReceiver.Point;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics.otlp.enabled}: a live engine pushes the families of {@code /metrics} to the
 * alerts' OTLP receiver, a real one decoding {@code POST /v1/metrics}: the build, the events the
 * pipeline received (a cumulative monotonic sum that grows), alerts per rule once a rule fired,
 * each with the alerts' resource.
 */
@Tag("privileged")
@HostOnly("metrics of a live engine over OTLP: nothing here depends on the kernel")
class MetricsOverOtlpEndToEndTest {

  @Test
  void theEnginesMetricsArriveAtTheOtlpReceiverBesideTheAlerts() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the metrics end-to-end test needs root to load eBPF programs");
    try (OtlpLogsReceiver receiver = OtlpLogsReceiver.start()) {
      var options =
          EndToEnd.toOtlp(
              receiver,
              "node.name=metrics-node",
              "metrics.otlp.enabled=true",
              "metrics.otlp.interval=500ms");
      try (Engine engine = new Engine(options)) {
        engine.start();
        EndToEnd.run("cat", "/etc/shadow");

        Point build = await(receiver, p -> p.name().equals("tapio_build_info"));
        assertThat(build.kind()).isEqualTo("gauge");
        assertThat(build.value()).isEqualTo(1.0);
        assertThat(build.attributes()).containsKey("version");
        assertThat(build.resource())
            .containsEntry("service.name", "tapio")
            .containsEntry("k8s.node.name", "metrics-node");

        Point first = await(receiver, p -> p.name().equals("tapio_pipeline_events_received"));
        assertThat(first.kind()).isEqualTo("monotonic-sum");
        // programs run after that export: their exec events reach the pipeline whatever the rules
        for (int i = 0; i < 3; i++) {
          EndToEnd.run("/bin/true");
        }
        Point later =
            await(
                receiver,
                p ->
                    p.name().equals("tapio_pipeline_events_received") && p.value() > first.value());
        assertThat(later.value()).isGreaterThan(first.value());

        Point alerts =
            await(
                receiver,
                p ->
                    p.name().equals("tapio_alerts")
                        && "Credential file read".equals(p.attributes().get("rule"))
                        && p.value() >= 1);
        assertThat(alerts.kind()).isEqualTo("monotonic-sum");
        assertThat(alerts.attributes()).containsKey("priority");
      }
    }
  }

  private static Point await(OtlpLogsReceiver receiver, Predicate<Point> match)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Point> p = receiver.points().stream().filter(match).findFirst();
      if (p.isPresent()) {
        return p.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no such metric point; received: "
            + receiver.points().stream().map(Point::name).distinct().toList());
  }
}
