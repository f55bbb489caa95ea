package dev.tapio.enrich.internal.cri;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.Engine;
import dev.tapio.app.EngineOptions;
import dev.tapio.app.HostOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole engine against a real containerd: a process in a CRI container trips a rule, and the
 * alert names the container, its image and its pod. Reuses the real-containerd fixture (daemon,
 * offline images, cleanup) of the enrichment module's tests.
 */
@Tag("privileged")
@HostOnly("needs the containerd daemon and its images, which a guest does not have")
class ContainerAlertEndToEndTest extends RealContainerdTest {

  private static final String RULES =
      """
      - rule: Program in a pod
        desc: a program started in a Kubernetes pod's container
        condition: evt.type = execve and container.id != host and proc.name = sleep
        output: >
          program in pod (container=%container.id image=%container.image.repository
          tag=%container.image.tag pod=%k8s.pod.name ns=%k8s.ns.name app=%k8s.pod.label[app])
        priority: NOTICE
      """;

  /** Runs in the enrichment module; not repeated here (overriding without @Test drops it). */
  @Override
  void mapsAContainersProcessToItsContainerImageAndPod() {}

  @Test
  void aRuleTrippedInsideAContainerNamesTheContainerImageAndPod() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
    var alerts = new InMemoryAlertSink();
    var options =
        new EngineOptions(
            List.of(rules),
            false,
            null,
            false,
            1 << 22,
            Map.of("TAPIO_CRI_SOCKET", daemon.socket.toString()));
    String containerId;
    try (Engine engine = new Engine(options, alerts)) {
      engine.start();
      containerId = startPodWithContainer();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (alerts.alerts().stream().noneMatch(a -> a.event().container().id().equals(containerId))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    Alert alert =
        alerts.alerts().stream()
            .filter(a -> a.event().container().id().equals(containerId))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no alert from the container: " + alerts.alerts()));
    assertThat(alert.rule()).isEqualTo("Program in a pod");
    assertThat(alert.outputFields())
        .containsEntry("container.id", containerId.substring(0, 12))
        .containsEntry("container.image.repository", "docker.io/tapio/busybox")
        .containsEntry("container.image.tag", "e2e")
        .containsEntry("k8s.pod.name", "checkout-7d9f")
        .containsEntry("k8s.ns.name", "shop")
        .containsEntry("k8s.pod.label[app]", "checkout");
    assertThat(alert.event().container().image()).isEqualTo(IMAGE);
    assertThat(Objects.requireNonNull(alert.event().pod()).labels())
        .isEqualTo(Map.of("app", "checkout"));
  }
}
