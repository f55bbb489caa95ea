package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.spi.SourceStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorsReportTest {
  @Test
  void everyEventTypeTheSensorsCanProduce() {
    assertThat(Sensors.eventTypes())
        .contains("execve", "execveat", "clone", "procexit", "openat", "creat", "renameat2")
        .contains("connect", "connect_async", "accept4", "close", "sendto", "recvfrom", "dup2")
        .doesNotContain("socket");
  }

  @Test
  void reportListsLibbpfFeaturesAndSensors() {
    Map<String, SourceStatus> statuses = new LinkedHashMap<>();
    statuses.put("process", SourceStatus.enabled("tp_btf+tracepoint"));
    statuses.put("file", SourceStatus.unavailable("none of its event types was requested"));
    String report =
        Sensors.report(
            KernelFeatures.all().refuse(Feature.FENTRY, "load probe_fentry: EPERM"), statuses);
    assertThat(report)
        .startsWith(Libbpf.describe() + "\nkernel features:\n  btf: supported\n")
        .contains("  fentry: refused (load probe_fentry: EPERM)\n")
        .endsWith(
            "sensors:\n  process: enabled (tp_btf+tracepoint)\n"
                + "  file: unavailable: none of its event types was requested\n");
  }
}
