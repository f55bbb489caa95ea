package dev.tapio.enrich.internal.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.Engine;
import dev.tapio.app.EngineOptions;
import dev.tapio.app.HostOnly;
import dev.tapio.app.OtlpLogsReceiver;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Falco's three rule files under the default settings, and a Falco rule tripped inside a real
 * containerd container: the alert carries the container's id and image and the pod in its JSON
 * {@code output_fields} and in its OTLP attributes (and text), although the rule's own output names
 * none of them; the default {@code append_output} adds them. The files are read beside the clone,
 * never copied into it.
 */
@Tag("privileged")
@HostOnly("needs the containerd daemon and its images, which a guest does not have")
class FalcoRulesContainerEndToEndTest extends RealContainerdTest {
  private static final Path CORPUS =
      Path.of("../../../shared/falco-rules").toAbsolutePath().normalize();
  private static final String RULE = "Find AWS Credentials";

  /** Runs in the enrichment module; not repeated here (overriding without @Test drops it). */
  @Override
  void mapsAContainersProcessToItsContainerImageAndPod() {}

  @Test
  void aFalcoRuleInsideAContainerNamesContainerImageAndPodInJsonAndOtlp() throws Exception {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "SKIPPED LOUDLY: Falco rule corpus not found at " + CORPUS + " (beside the clone in CI)");
    List<Path> files =
        List.of(
            CORPUS.resolve("falco_rules.yaml"),
            CORPUS.resolve("falco-incubating_rules.yaml"),
            CORPUS.resolve("falco-sandbox_rules.yaml"));
    var alerts = new InMemoryAlertSink();
    String containerId;
    try (OtlpLogsReceiver receiver = OtlpLogsReceiver.start()) {
      EffectiveConfig config =
          ConfigLoader.load(
              null,
              Map.of("TAPIO_CRI_SOCKET", daemon.socket.toString()),
              List.of(
                  FlagValue.parse("outputs.otlp.endpoint=" + receiver.endpoint()),
                  FlagValue.parse("spool.directory=" + dir.resolve("spool")),
                  FlagValue.parse("http.enabled=false")));
      var options =
          new EngineOptions(
              files,
              false,
              null,
              false,
              8 << 20,
              Map.of("TAPIO_CRI_SOCKET", daemon.socket.toString()),
              config);
      // busybox's find, under the name the rule looks for (the image links only a few applets)
      Path tools = Files.createDirectories(dir.resolve("tools"));
      Files.createSymbolicLink(tools.resolve("find"), Path.of("/bin/busybox"));
      OtlpLogsReceiver.Received record;
      try (Engine engine = new Engine(options, alerts)) {
        engine.start();
        containerId =
            startPodWithContainer(
                List.of(
                    "/bin/sh",
                    "-c",
                    "/tapio/find / -maxdepth 1 -iname .aws/credentials; exec /bin/sleep 60"),
                tools,
                false);
        String id = containerId;
        String shortId = id.substring(0, 12);
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Optional<OtlpLogsReceiver.Received> found = Optional.empty();
        while (found.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(200);
          found =
              receiver.records().stream()
                  .filter(r -> r.body().startsWith("Detected AWS credentials search activity"))
                  .filter(r -> r.body().contains("container_id=" + shortId))
                  .findFirst();
        }
        record =
            found.orElseThrow(
                () ->
                    new AssertionError(
                        "no '"
                            + RULE
                            + "' record from the container at OTLP; the container's: "
                            + receiver.records().stream()
                                .filter(r -> id.equals(r.attributes().get("container.id")))
                                .map(r -> r.body())
                                .limit(10)
                                .toList()
                            + "; raised: "
                            + alerts.alerts().stream()
                                .filter(a -> a.event().container().id().equals(id))
                                .map(a -> a.output())
                                .limit(10)
                                .toList()));
      }
      // container.id: the full id of the OpenTelemetry conventions (the short one of Falco's field
      // is in the text)
      assertThat(record.attributes())
          .containsEntry("container.id", containerId)
          .containsEntry("container.image", IMAGE)
          .containsEntry("k8s.pod.name", "checkout-7d9f")
          .containsEntry("k8s.ns.name", "shop");
      assertThat(record.body())
          .contains("container_id=" + containerId.substring(0, 12))
          .contains("container_image=" + IMAGE)
          .contains("k8s_pod=checkout-7d9f");
    }

    Alert alert =
        alerts.alerts().stream()
            .filter(a -> a.rule().equals(RULE) && a.event().container().id().equals(containerId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no '" + RULE + "' alert from the container"));
    assertThat(
            dev.tapio.rules.RuleLoader.create()
                .load(List.of(CORPUS.resolve("falco_rules.yaml")))
                .buildRuleSet()
                .rule(RULE)
                .orElseThrow()
                .output()
                .format())
        .as("the rule's own output names no container or pod")
        .doesNotContain("container")
        .doesNotContain("k8s");
    String json = JsonLinesSink.format(alert);
    assertThat(json)
        .contains("\"container.id\":\"" + containerId.substring(0, 12) + "\"")
        .contains("\"container.image\":\"" + IMAGE + "\"")
        .contains("\"k8s.pod.name\":\"checkout-7d9f\"")
        .contains("\"k8s.ns.name\":\"shop\"");
  }
}
