package dev.tapio.enrich.internal.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.app.RequiredCapabilities;
import dev.tapio.enrich.internal.cri.v1.ContainerState;
import dev.tapio.enrich.internal.cri.v1.ContainerStatus;
import dev.tapio.enrich.internal.cri.v1.PodSandboxConfig;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built image in a real containerd, run the way the Helm chart's DaemonSet runs it: the pod and
 * container come from the chart rendered by real Helm (host PID namespace, its own network, the
 * chart's capabilities and nothing else, host paths under /host, read-only root, no new
 * privileges). A file read on the host and a program started in another pod's container become
 * alerts on the containerised engine's stdout; without one of the chart's capabilities the engine
 * refuses to start and names it.
 */
@Tag("privileged")
class ContainerisedEngineIT extends RealContainerdTest {
  static final Path ARCHIVE =
      Path.of(System.getProperty("tapio.image.archive", "target/tapio-image.tar"));
  static final Path CHART = Path.of(System.getProperty("tapio.image.chart", "../helm/tapio"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNTIME_SOCKET_DIR = "/run/containerd";

  /** Added through the chart's customRules, beside the bundled rules. */
  private static final String POD_RULE =
      """
      - rule: Program in a pod
        desc: a program started in a Kubernetes pod's container
        condition: evt.type = execve and container.id != host and proc.name = sleep
        output: >
          program in pod (container=%container.id image=%container.image.repository
          pod=%k8s.pod.name ns=%k8s.ns.name)
        priority: NOTICE
      """;

  private final String tapioPodUid = UUID.randomUUID().toString();
  private final List<String> tapioSandboxes = new ArrayList<>();
  private final String bridge =
      "tpe2e" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());

  /** Runs in the enrichment module; not repeated here. */
  @Override
  void mapsAContainersProcessToItsContainerImageAndPod() {}

  @BeforeEach
  void importTapioAndGivePodsANetwork() throws Exception {
    daemon.importImage(ARCHIVE);
    for (String hierarchy : cgroupHierarchies()) {
      Path pod = CGROUP_ROOT.resolve(hierarchy).resolve("kubepods/besteffort/pod" + tapioPodUid);
      createdCgroups.add(pod);
    }
    // The DaemonSet's pod has its own network namespace: a bridge network for this daemon only.
    int subnet = 100 + ThreadLocalRandom.current().nextInt(100);
    Files.writeString(
        daemon.dir.resolve("cni/10-tapio-e2e.conflist"),
        """
        {"cniVersion": "1.0.0", "name": "tapio-e2e", "plugins": [
          {"type": "bridge", "bridge": "%s", "isGateway": true, "ipMasq": false,
           "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.233.%d.0/24"}]],
                    "dataDir": "%s"}},
          {"type": "loopback"}]}
        """
            .formatted(bridge, subnet, dir.resolve("cni-ipam")));
  }

  @AfterEach
  void removeTapioPods() throws Exception {
    for (String sandbox : tapioSandboxes) {
      try {
        cri.stopPodSandbox(sandbox);
        cri.removePodSandbox(sandbox);
      } catch (RuntimeException e) {
        System.err.println("cleanup: sandbox " + sandbox + ": " + e);
      }
    }
    if (Files.exists(Path.of("/sys/class/net", bridge))) {
      OciImages.run(Path.of("/"), "ip", "link", "delete", bridge);
    }
  }

  @Test
  void theEngineInItsImageAlertsOnTheHostAndInAnotherContainer() throws Exception {
    ChartPod chart = render();
    assertThat(chart.image()).isEqualTo(dev.tapio.image.ChartReference.defaultImage(CHART));
    Tapio tapio = startTapio(chart, UnaryOperator.identity());
    tapio.awaitLog(log -> log.contains(" ready: "), Duration.ofSeconds(120));

    int pid = CriMetadata.extra(cri.containerStatus(tapio.id, true).getInfoMap()).pid();
    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
    assertThat(status)
        .as("exactly the chart's capabilities")
        .contains("CapEff:\t" + capEff(chart.capabilities()));
    assertThat(status).contains("NoNewPrivs:\t1");
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/pid")))
        .as("the host's PID namespace (this test's)")
        .isEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
    assertThat(tapio.log()).contains("host: procfs: /host/proc");
    assertThat(tapio.log())
        .as("the JVM runs with the launcher's options the image carries")
        .contains(
            "Picked up JDK_JAVA_OPTIONS: "
                + String.join(
                    " ",
                    dev.tapio.image.ImageBuild.jvmOptions(
                        Path.of(
                            System.getProperty(
                                "tapio.image.jvmopts",
                                "../engine/app/src/main/jvm/tapio.jvmopts")))));

    OciImages.run(Path.of("/"), "cat", "/etc/shadow");
    String containerId = startPodWithContainer();

    JsonNode host =
        tapio.awaitAlert(
            a ->
                a.path("rule").asText().equals("Credential file read")
                    && a.at("/output_fields/proc.name").asText().equals("cat"));
    assertThat(host.at("/output_fields/fd.name").asText()).isEqualTo("/etc/shadow");
    assertThat(host.at("/output_fields/container.id").asText()).isEqualTo("host");

    JsonNode pod =
        tapio.awaitAlert(
            a ->
                a.path("rule").asText().equals("Program in a pod")
                    && a.at("/output_fields/container.id")
                        .asText()
                        .equals(containerId.substring(0, 12)));
    assertThat(pod.at("/output_fields/k8s.pod.name").asText()).isEqualTo("checkout-7d9f");
    assertThat(pod.at("/output_fields/k8s.ns.name").asText()).isEqualTo("shop");
    assertThat(pod.at("/output_fields/container.image.repository").asText())
        .isEqualTo("docker.io/tapio/busybox");
  }

  @Test
  void withoutOneOfTheChartsCapabilitiesTheEngineStopsAndNamesIt() throws Exception {
    ChartPod chart = render();
    String removed = "PERFMON";
    assertThat(chart.capabilities()).contains(removed);
    Tapio tapio = startTapio(chart, caps -> caps.stream().filter(c -> !c.equals(removed)).toList());
    ContainerStatus exited = tapio.awaitExit(Duration.ofSeconds(90));
    assertThat(exited.getExitCode()).isNotZero();
    assertThat(tapio.log()).contains("missing capability CAP_PERFMON: needed by every sensor");
  }

  @Test
  void theChartGrantsExactlyWhatTheEngineRequires() throws Exception {
    assertThat(render().capabilities())
        .containsExactlyElementsOf(
            RequiredCapabilities.ALL.stream().map(RequiredCapabilities.Capability::name).toList());
  }

  private ChartPod render() throws IOException {
    return ChartPod.render(
            CHART,
            """
            http:
              tokenSecret: {name: tapio-e2e-token}
            customRules:
              e2e.yaml: |
            %s
            """
                .formatted(POD_RULE.indent(4).stripTrailing()),
            Files.createDirectories(dir.resolve("chart")))
        // made by the operator beforehand, as the chart's values say
        .withSecret("tapio-e2e-token", "token", "e2e-token-" + tapioPodUid);
  }

  /** The chart's pod on this node: its sandbox, then its container, started. */
  private Tapio startTapio(ChartPod chart, UnaryOperator<List<String>> capabilities)
      throws Exception {
    String name = "tapio-" + tapioPodUid.substring(0, 5);
    Path logs = Files.createDirectories(dir.resolve("tapio-logs-" + tapioSandboxes.size()));
    var sandbox = chart.sandbox(name, tapioPodUid, logs, "/kubepods/besteffort/pod" + tapioPodUid);
    String sandboxId = runSandboxOnceTheNetworkIsUp(sandbox);
    tapioSandboxes.add(sandboxId);
    var config =
        chart.container(
            name,
            "e2e-node",
            Files.createDirectories(dir.resolve("volumes-" + tapioSandboxes.size())),
            capabilities,
            // on this node the runtime's socket directory is the test's private containerd
            hostPath -> hostPath.equals(RUNTIME_SOCKET_DIR) ? daemon.dir.toString() : hostPath);
    String id = cri.createContainer(sandboxId, config, sandbox);
    cri.startContainer(id);
    return new Tapio(id, logs.resolve(config.getLogPath()));
  }

  /**
   * containerd picks the network configuration up from its directory a moment after it is written.
   */
  private String runSandboxOnceTheNetworkIsUp(PodSandboxConfig sandbox)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        return cri.runPodSandbox(sandbox);
      } catch (StatusRuntimeException e) {
        if (System.nanoTime() > deadline || !String.valueOf(e.getMessage()).contains("cni")) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /** The engine's container: its CRI log (stdout alerts, stderr log lines). */
  private final class Tapio {
    final String id;
    final Path logFile;

    Tapio(String id, Path logFile) {
      this.id = id;
      this.logFile = logFile;
    }

    String log() throws IOException {
      return Files.exists(logFile) ? Files.readString(logFile) : "";
    }

    List<JsonNode> alerts() throws IOException {
      List<JsonNode> alerts = new ArrayList<>();
      for (String line : log().lines().toList()) {
        int json = line.indexOf(" stdout F {");
        if (json > 0) {
          alerts.add(JSON.readTree(line.substring(json + " stdout F ".length())));
        }
      }
      return alerts;
    }

    void awaitLog(Predicate<String> condition, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.test(log())) {
        if (state() == ContainerState.CONTAINER_EXITED || System.nanoTime() > deadline) {
          fail("the engine's container did not get there; its log:%n%s", log());
        }
        Thread.sleep(200);
      }
    }

    JsonNode awaitAlert(Predicate<JsonNode> match) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (JsonNode alert : alerts()) {
          if (match.test(alert)) {
            return alert;
          }
        }
        Thread.sleep(200);
      }
      return fail("no such alert; the engine's log:%n%s", log());
    }

    ContainerStatus awaitExit(Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (state() != ContainerState.CONTAINER_EXITED) {
        if (System.nanoTime() > deadline) {
          fail("the engine's container is still running; its log:%n%s", log());
        }
        Thread.sleep(200);
      }
      return cri.containerStatus(id, false).getStatus();
    }

    private ContainerState state() {
      return cri.containerStatus(id, false).getStatus().getState();
    }
  }

  /** {@code CapEff} as /proc/PID/status prints it, for the capabilities the chart names. */
  static String capEff(List<String> capabilities) {
    long bits = 0;
    for (String name : capabilities) {
      bits |=
          1L
              << RequiredCapabilities.ALL.stream()
                  .filter(c -> c.name().equals(name))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("the engine does not know " + name))
                  .bit();
    }
    return "%016x".formatted(bits);
  }

  private static List<String> cgroupHierarchies() throws IOException {
    try (var list = Files.list(CGROUP_ROOT)) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
    }
  }
}
