package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.internal.spec.Arch;
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

  @Test
  void onArm64TheReportNamesTheHooksThatCannotExistThere() {
    Map<String, SourceStatus> statuses = new LinkedHashMap<>();
    statuses.put("net", SourceStatus.enabled("tp_btf+tracepoint"));
    String report = Sensors.report(KernelFeatures.all(), statuses, Arch.ARM64);
    assertThat(report)
        .endsWith(
            "sensors:\n  net: enabled (tp_btf+tracepoint)\n"
                + "  process: not applicable on arm64 (no such syscall): fork_args, vfork_args\n"
                + "  file: not applicable on arm64 (no such syscall): open, creat, rename,"
                + " unlink, rmdir, mkdir, chmod, symlink, link\n"
                + "  lsm: not applicable on arm64 (no such syscall): deny_open, deny_creat\n"
                + "  net: not applicable on arm64 (no such syscall): dup2\n");
    assertThat(Sensors.report(KernelFeatures.all(), statuses, Arch.X86_64))
        .doesNotContain("not applicable");
  }

  @Test
  void theSkippedLineSaysWhetherTheKernelCountsThem() {
    assertThat(Sensors.skippedLine(java.util.OptionalLong.of(12)))
        .isEqualTo(
            "skipped by the kernel (recursion): 12 records while attached (another BPF program"
                + " ran on the same CPU)\n");
    assertThat(Sensors.skippedLine(java.util.OptionalLong.empty()))
        .isEqualTo(
            "skipped by the kernel (recursion): not counted by this kernel (recursion_misses:"
                + " 5.12+)\n");
  }
}
