package dev.tapio.enrich.internal.cri;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.Engine;
import dev.tapio.app.EngineOptions;
import dev.tapio.app.HostOnly;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The breakout, seccomp and LSM actions of the host end-to-end tests, performed inside a real
 * containerd container under a live engine with the bundled rules. The container is privileged
 * (what these escapes need), runs busybox applets and static helpers compiled here and bind-mounted
 * at {@code /tapio}, and each alert must name the container, its image and its pod.
 */
@Tag("privileged")
@HostOnly("needs the containerd daemon and its images, which a guest does not have")
class ContainerSecurityEndToEndTest extends RealContainerdTest {

  /**
   * What the container runs: one action a line, each allowed to fail, then it waits. The seccomp
   * kill hits a child its parent reaps only later: the kernel's audit record of a kill is read from
   * /proc after the fact, and a process already reaped there could not be placed in its container.
   */
  private static final String SCRIPT =
      """
      #!/bin/sh
      /tapio/unshare -m -n /tapio/nsenter -t 1 -m -n /bin/ls / > /dev/null
      /tapio/chroot / /bin/ls / > /dev/null
      /tapio/tapio-actions openw /proc/sys/kernel/core_pattern
      /tapio/tapio-actions ptrace > /dev/null
      /tapio/tapio-actions module
      /tapio/violate kill-child
      /tapio/violate landlock-open /tapio/actions.sh
      exec /bin/sleep 60
      """;

  /** Each action's rule, with the process the alert must name. */
  private static final Map<String, String> RULES =
      Map.of(
          "Namespace change in a container", "unshare",
          "Root directory changed", "chroot",
          "Kernel escape file opened for writing", "tapio-actions",
          "Ptrace attached to another process", "tapio-actions",
          "Kernel module load attempt", "tapio-actions",
          "Seccomp filter killed or trapped a syscall", "violate",
          "Security module denied an operation", "violate");

  /** Runs in the enrichment module; not repeated here (overriding without @Test drops it). */
  @Override
  void mapsAContainersProcessToItsContainerImageAndPod() {}

  @Test
  void securityActionsInsideAContainerRaiseAlertsNamingTheContainerImageAndPod() throws Exception {
    Path tools = helpers();
    var alerts = new InMemoryAlertSink();
    var options =
        new EngineOptions(
            List.of(), false, null, false, 1 << 22, Map.of("TAPIO_CRI_SOCKET", socket()));
    String containerId;
    try (Engine engine = new Engine(options, alerts)) {
      engine.start();
      containerId = startPodWithContainer(List.of("/bin/sh", "/tapio/actions.sh"), tools, true);
      awaitRules(alerts, containerId);
    }

    for (var expected : RULES.entrySet()) {
      // the alert of the action's own process (proc.name), from the container, with the pod
      Alert alert = first(alerts, containerId, expected.getKey());
      assertThat(alert.outputFields())
          .as(expected.getKey())
          .containsEntry("container.id", containerId.substring(0, 12));
      assertThat(alert.event().container().image()).as(expected.getKey()).isEqualTo(IMAGE);
      PodInfo pod = Objects.requireNonNull(alert.event().pod(), expected.getKey());
      assertThat(pod.name()).isEqualTo("checkout-7d9f");
      assertThat(pod.namespace()).isEqualTo("shop");
    }
    assertThat(first(alerts, containerId, "Namespace change in a container").outputFields())
        .containsEntry("k8s.pod.name", "checkout-7d9f")
        .containsEntry("k8s.ns.name", "shop");
    assertThat(first(alerts, containerId, "Kernel escape file opened for writing").outputFields())
        .containsEntry("fd.name", "/proc/sys/kernel/core_pattern");
    assertThat(first(alerts, containerId, "Kernel module load attempt").outputFields())
        .containsEntry("evt.arg.uargs", "tapio_e2e=1");
    assertThat(
            first(alerts, containerId, "Seccomp filter killed or trapped a syscall").outputFields())
        .containsEntry("tapio.seccomp.action", "kill")
        .containsEntry("tapio.seccomp.syscall", "getppid")
        .containsEntry("container.image.repository", "docker.io/tapio/busybox");
    assertThat(first(alerts, containerId, "Security module denied an operation").outputFields())
        .containsEntry("tapio.lsm.name", "landlock")
        .containsEntry("tapio.lsm.object", "/tapio/actions.sh");
  }

  private String socket() {
    return daemon.socket.toString();
  }

  /**
   * The directory bind-mounted at {@code /tapio}: the script, the two helpers compiled static (the
   * image has no C library) and busybox applet links named as the tools they stand for.
   */
  private Path helpers() throws Exception {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    compileStatic("/escape/actions.c", tools.resolve("tapio-actions"));
    compileStatic("/dev/tapio/app/violate.c", tools.resolve("violate"));
    for (String applet : List.of("unshare", "nsenter", "chroot")) {
      Files.createSymbolicLink(tools.resolve(applet), Path.of("/bin/busybox"));
    }
    Files.writeString(tools.resolve("actions.sh"), SCRIPT);
    return tools;
  }

  private void compileStatic(String resource, Path binary) throws Exception {
    Path source = dir.resolve(binary.getFileName() + ".c");
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(resource))) {
      Files.write(source, in.readAllBytes());
    }
    OciImages.run(dir, "gcc", "-static", "-O1", "-o", binary.toString(), source.toString());
  }

  private static void awaitRules(InMemoryAlertSink alerts, String containerId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline && !seen(alerts, containerId).containsAll(RULES.keySet())) {
      Thread.sleep(100);
    }
  }

  private static Set<String> seen(InMemoryAlertSink alerts, String containerId) {
    return alerts.alerts().stream()
        .filter(a -> a.event().container().id().equals(containerId))
        .map(Alert::rule)
        .collect(Collectors.toSet());
  }

  /** The first alert of {@code rule} from the container about the process its action runs. */
  private static Alert first(InMemoryAlertSink alerts, String containerId, String rule) {
    return alerts.alerts().stream()
        .filter(a -> a.event().container().id().equals(containerId) && a.rule().equals(rule))
        .filter(a -> RULES.get(rule).equals(a.outputFields().get("proc.name")))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no '"
                        + rule
                        + "' alert from the container; alerts of that rule: "
                        + alerts.alerts().stream()
                            .filter(a -> a.rule().equals(rule))
                            .map(a -> a.event().container().id() + " " + a.outputFields())
                            .toList()));
  }
}
