package dev.tapio.enrich.internal.cri;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.tapio.enrich.internal.cri.v1.ContainerConfig;
import dev.tapio.enrich.internal.cri.v1.Mount;
import dev.tapio.enrich.internal.cri.v1.NamespaceMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's DaemonSet pod as CRI requests, without a runtime: what the kubelet would send. */
class ChartPodTest {
  static final Path CHART = Path.of(System.getProperty("tapio.image.chart", "../helm/tapio"));

  @Test
  void theContainerGetsTheChartsSecurityContextEnvironmentAndMounts(@TempDir Path dir)
      throws Exception {
    ChartPod chart =
        ChartPod.render(CHART, "http: {tokenSecret: {name: t}}\n", dir)
            .withSecret("t", "token", "s3cret");
    var sandbox = chart.sandbox("tapio-x", "uid-1", dir, "/kubepods/besteffort/poduid-1");
    assertThat(sandbox.getLinux().getSecurityContext().getNamespaceOptions().getPid())
        .isEqualTo(NamespaceMode.NODE);
    assertThat(sandbox.getLinux().getSecurityContext().getNamespaceOptions().getNetwork())
        .isEqualTo(NamespaceMode.POD);

    ContainerConfig config =
        chart.container(
            "tapio-x",
            "node-1",
            Files.createDirectories(dir.resolve("volumes")),
            caps -> caps.stream().filter(c -> !c.equals("NET_ADMIN")).toList(),
            UnaryOperator.identity());

    var security = config.getLinux().getSecurityContext();
    assertThat(security.getPrivileged()).isFalse();
    UnknownFieldSet fields = security.getUnknownFields();
    UnknownFieldSet capabilities = message(fields, 1);
    assertThat(strings(capabilities, 1))
        .containsExactly("BPF", "PERFMON", "SYS_PTRACE", "DAC_READ_SEARCH");
    assertThat(strings(capabilities, 2)).containsExactly("ALL");
    assertThat(message(fields, 5).getField(1).getVarintList())
        .as("run_as_user")
        .containsExactly(0L);
    assertThat(fields.getField(7).getVarintList()).as("readonly_rootfs").containsExactly(1L);
    assertThat(fields.getField(11).getVarintList()).as("no_new_privs").containsExactly(1L);
    assertThat(message(fields, 15).getField(1).getVarintList())
        .as("seccomp Unconfined")
        .containsExactly(1L);

    Map<String, String> env =
        config.getUnknownFields().getField(6).getLengthDelimitedList().stream()
            .map(ChartPodTest::parse)
            .collect(
                Collectors.toMap(kv -> strings(kv, 1).getFirst(), kv -> strings(kv, 2).getFirst()));
    assertThat(env)
        .containsEntry("TAPIO_NODE_NAME", "node-1")
        .as("the image's JVM options hold: the chart sets none by default")
        .doesNotContainKeys("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    Map<String, Mount> mounts =
        config.getMountsList().stream().collect(Collectors.toMap(Mount::getContainerPath, m -> m));
    assertThat(mounts.get("/host/proc").getHostPath()).isEqualTo("/proc");
    assertThat(mounts.get("/host/proc").getReadonly()).isTrue();
    assertThat(mounts.get("/host/run/containerd").getHostPath()).isEqualTo("/run/containerd");
    assertThat(Path.of(mounts.get("/etc/tapio/tapio.yaml").getHostPath()))
        .content()
        .contains("root: /host");
    assertThat(Path.of(mounts.get("/var/run/secrets/tapio/http").getHostPath()).resolve("token"))
        .hasContent("s3cret");
    assertThat(mounts.get("/tmp").getReadonly()).isFalse();
    assertThat(config.getArgsList()).containsExactly("run", "--config", "/etc/tapio/tapio.yaml");
  }

  private static UnknownFieldSet message(UnknownFieldSet set, int field) {
    return parse(set.getField(field).getLengthDelimitedList().getFirst());
  }

  private static UnknownFieldSet parse(ByteString bytes) {
    try {
      return UnknownFieldSet.parseFrom(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> strings(UnknownFieldSet set, int field) {
    return set.getField(field).getLengthDelimitedList().stream()
        .map(ByteString::toStringUtf8)
        .toList();
  }
}
