package dev.tapio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.app.HostOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tapio sensors status --rules FILE...}: the sensors, then the rules that cannot fire. */
@HostOnly(
    "the guests run tapio sensors status themselves and report it (kernels/guest); a fake containerd socket here needs nothing from the kernel")
class SensorsCommandTest {
  @TempDir Path dir;

  @Test
  @Tag("privileged")
  void statusListsTheRulesThatCannotFireOnThisKernel() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: sensors status needs root to load eBPF programs");
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
            - rule: Shell spawned
              desc: d
              condition: evt.type = execve and proc.name = bash
              output: o
              priority: NOTICE
            - rule: Packet socket opened
              desc: d
              condition: evt.type = socket and evt.arg.domain contains AF_PACKET
              output: o
              priority: WARNING
            """);

    CliRunner result = CliRunner.run("sensors", "status", "--rules", rules.toString());

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("sensors:\n  process: enabled")
        .contains("\n  privilege: enabled")
        // the host's kernel (5.12+) counts the programs it skips
        .containsPattern(
            "\nskipped by the kernel \\(recursion\\): [0-9]+ records while attached \\(another"
                + " BPF program ran on the same CPU\\)\nhost: ")
        // no rule about opens: the kernel drops every open
        .containsPattern(
            "kernel filter: on \\(sensors.file.kernelFilter, default\\)\n"
                + "  admits: creat none, open none, openat none, openat2 none\n"
                + "  dropped while probing: [0-9]+ records\n")
        .endsWith(
            """
            rules:
              rule 'Packet socket opened' cannot fire: no sensor on this kernel produces socket
              1 of 2 enabled rules cannot fire on this kernel
            """);
  }

  @Test
  @Tag("privileged")
  void theKernelFilterAdmitsWhatACorrelationStepNeeds() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: sensors status needs root to load eBPF programs");
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
            - rule: Shell spawned
              desc: d
              condition: evt.type = execve and proc.name = bash
              output: o
              priority: NOTICE
            - correlation: Shell then passwd written
              steps:
                - rule: Shell spawned
                - condition: >
                    evt.type = openat and evt.is_open_write = true
                    and fd.name startswith /etc/
              by: [container.id]
              within: 60s
              output: o
              priority: WARNING
            """);

    CliRunner result = CliRunner.run("sensors", "status", "--rules", rules.toString());

    assertThat(result.status()).as(result.err()).isZero();
    // no rule opens files, but the correlation's second step does: openat is admitted for it
    assertThat(result.out())
        .containsPattern(
            "kernel filter: on \\(sensors.file.kernelFilter, default\\)\n"
                + "  admits: creat none, open none, openat 1 term, openat2 none\n");
  }

  @Test
  @Tag("privileged")
  void statusSaysWhereTheHostsFilesAreRead() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: sensors status needs root to load eBPF programs");
    Files.createDirectories(dir.resolve("proc/1"));
    Files.writeString(
        dir.resolve("proc/1/mountinfo"),
        "30 22 0:26 / /sys/fs/cgroup rw,nosuid shared:9 - cgroup2 cgroup2 rw,nsdelegate\n");
    Files.createDirectories(dir.resolve("run/containerd"));
    Files.createFile(dir.resolve("run/containerd/containerd.sock"));

    CliRunner result = CliRunner.run("sensors", "status", "--host-root", dir.toString());

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            "host: "
                + dir
                + " (--host-root)\n"
                + "  procfs: "
                + dir.resolve("proc")
                + "\n  cgroup v2: "
                + dir.resolve("sys/fs/cgroup")
                + " (from "
                + dir.resolve("proc/1/mountinfo")
                + ")\n  users and groups: "
                + dir.resolve("etc/passwd")
                + ", "
                + dir.resolve("etc/group")
                + "\n  container runtime socket: "
                + dir.resolve("run/containerd/containerd.sock")
                + "\n");
  }

  @Test
  void invalidRuleFilesAreReportedBeforeTheKernelIsTouched() throws Exception {
    Path rules = Files.writeString(dir.resolve("broken.yaml"), "- rule: x\n  condition: (\n");

    CliRunner result = CliRunner.run("sensors", "status", "--rules", rules.toString());

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).contains("broken.yaml").contains("Invalid");
    assertThat(result.out()).isEmpty();
  }
}
