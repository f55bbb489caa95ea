package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.api.spi.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("privileged")
class ProcessSensorPrivilegedTest {
  private static final Path TMP = Path.of("/tmp");
  private static SensorSet sensors;
  private static Privileged.Collector events;

  @BeforeAll
  static void start() {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(Set.of("execve", "clone", "clone3", "fork", "vfork", "procexit"), events);
  }

  @AfterAll
  static void stop() {
    if (sensors != null) {
      sensors.close();
    }
  }

  @Test
  void processSensorIsEnabledOnTypedTracepoints() {
    assertThat(sensors.statuses().get("process").state()).isEqualTo(SourceStatus.State.ENABLED);
    assertThat(sensors.statuses().get("file").toString())
        .isEqualTo("unavailable: none of its event types was requested");
  }

  @Test
  void execAndForkRunOnBpfLsmOrTheFentryOfTheirKernelFunctionsWhereTheKernelAllows() {
    Map<String, Mechanism> tiers = sensors.hookTiers().get("process");
    assertThat(tiers)
        .containsEntry(
            "exec",
            Privileged.lsmOr(
                "bprm_committed_creds", Privileged.fentryOr("finalize_exec", Mechanism.TP_BTF)))
        .containsEntry("fork", Privileged.fentryOr("wake_up_new_task", Mechanism.TP_BTF))
        .containsEntry("exit", Mechanism.TP_BTF);
    // no fallback but BPF LSM left out of the kernel's LSM list (5.10 by default)
    assertThat(sensors.hookFallbacks().getOrDefault("process", Map.of()))
        .allSatisfy(
            (hook, why) ->
                assertThat(why)
                    .isEqualTo(
                        "lsm: bpf LSM not enabled (bpf is not in /sys/kernel/security/lsm)"));
  }

  @Test
  void execWithArgumentsAndItsParent() throws Exception {
    String marker = "tapio-" + UUID.randomUUID();
    Process sh = Privileged.run(TMP, "/bin/sh", "-c", "/bin/true " + marker + " two; exit 0");

    ProcessExec exec =
        events.await(ProcessExec.class, e -> e.argv().contains(marker)).orElseThrow();
    assertThat(exec.argv()).containsExactly("/bin/true", marker, "two");
    assertThat(exec.filename()).isEqualTo("/bin/true");
    assertThat(exec.exePath()).endsWith("/true").startsWith("/");
    assertThat(exec.ppid()).isEqualTo((int) sh.pid());
    assertThat(exec.cwd()).isEqualTo("/tmp");
    assertThat(exec.comm()).isEqualTo("true");
    assertThat(exec.credentials().uid()).isZero();
    assertThat(exec.header().pid()).isEqualTo(exec.header().tid());
    assertThat(exec.header().cgroupId()).isPositive();
    assertThat(exec.header().namespaces().mnt()).isEqualTo(Privileged.namespace("mnt"));
    long now = System.currentTimeMillis() * 1_000_000L;
    assertThat(exec.header().timeNanos()).isBetween(now - 60_000_000_000L, now + 1_000_000_000L);

    ProcessFork fork =
        events.await(ProcessFork.class, f -> f.childPid() == exec.header().pid()).orElseThrow();
    assertThat(fork.header().pid()).isEqualTo((int) sh.pid());
    assertThat(fork.isThread()).isFalse();
    assertThat(fork.type()).isIn("clone", "clone3", "fork", "vfork");
  }

  @Test
  void execCarriesTheEnvironmentCutToItsBound() throws Exception {
    String marker = "tapio-" + UUID.randomUUID();
    // env -i: exactly these variables, in this order; the long one runs past the 4095-byte bound
    String longValue = "x".repeat(5000);
    Privileged.run(
        TMP,
        "/usr/bin/env",
        "-i",
        "GLIBC_TUNABLES=glibc.tune.hwcaps=-WAITED",
        "MARK=" + marker,
        "LONG=" + longValue,
        "/bin/true",
        marker);

    ProcessExec exec =
        events
            .await(
                ProcessExec.class,
                e -> e.argv().contains(marker) && e.filename().equals("/bin/true"))
            .orElseThrow();
    assertThat(exec.env())
        .startsWith("GLIBC_TUNABLES=glibc.tune.hwcaps=-WAITED", "MARK=" + marker)
        .hasSize(3);
    String cut = exec.env().get(2);
    assertThat(cut).startsWith("LONG=xxx");
    assertThat(String.join("\0", exec.env()).length()).isEqualTo(4095);
  }

  @Test
  void execCarriesArgumentsCutToTheirBound() throws Exception {
    String marker = "tapio-" + UUID.randomUUID();
    // 6,000 bytes of one argument run past the 4095-byte bound: the first 4095 bytes arrive
    Privileged.run(TMP, "/bin/true", marker, "y".repeat(6000));

    ProcessExec exec =
        events
            .await(
                ProcessExec.class,
                e -> e.argv().contains(marker) && e.filename().equals("/bin/true"))
            .orElseThrow();
    assertThat(exec.argv()).hasSize(3).startsWith("/bin/true", marker);
    assertThat(exec.argv().get(2)).startsWith("yyy").matches("y+");
    assertThat(String.join("\0", exec.argv()).length()).isEqualTo(4095);
  }

  @Test
  void exitCarriesTheWaitStatus() throws Exception {
    Process sh = Privileged.run(TMP, "/bin/sh", "-c", "exit 3");
    ProcessExit exit =
        events.await(ProcessExit.class, e -> e.header().pid() == sh.pid()).orElseThrow();
    assertThat(exit.exitCode()).isEqualTo(3 << 8);
    assertThat(exit.signal()).isZero();
    assertThat(exit.groupLeader()).isTrue();
  }

  @Test
  void processInNewNamespacesCarriesTheirInodes() throws Exception {
    String marker = "tapio-ns-" + UUID.randomUUID();
    Privileged.run(TMP, "unshare", "-m", "-p", "-n", "-f", "/bin/true", marker);
    ProcessExec exec =
        events
            .await(ProcessExec.class, e -> e.argv().equals(List.of("/bin/true", marker)))
            .orElseThrow();
    var ns = exec.header().namespaces();
    assertThat(ns.mnt()).isNotEqualTo(Privileged.namespace("mnt")).isPositive();
    assertThat(ns.pid()).isNotEqualTo(Privileged.namespace("pid")).isPositive();
    assertThat(ns.net()).isNotEqualTo(Privileged.namespace("net")).isPositive();
    assertThat(ns.uts()).isEqualTo(Privileged.namespace("uts"));
    assertThat(ns.user()).isEqualTo(Privileged.namespace("user"));
  }

  @Test
  void ownProcessIsFilteredInTheKernel() throws Exception {
    String marker = "tapio-self-" + UUID.randomUUID();
    Privileged.run(TMP, "/bin/true", marker);
    assertThat(events.await(ProcessExec.class, e -> e.argv().contains(marker))).isPresent();
    int self = (int) ProcessHandle.current().pid();
    assertThat(events.all(ProcessFork.class, f -> f.header().pid() == self)).isEmpty();
  }

  @Test
  void executablesWrittenIntoAnOverlayUpperLayerAreFlagged() throws Exception {
    Path dir = Files.createTempDirectory("tapio-ovl").toRealPath();
    try {
      for (String d : List.of("lower", "upper", "work", "merged")) {
        Files.createDirectory(dir.resolve(d));
      }
      Files.copy(Path.of("/bin/true"), dir.resolve("lower/lowtrue"));
      String marker = "tapio-ovl-" + UUID.randomUUID();
      // A private mount namespace: the overlay disappears with it.
      String script =
          ("mount -t overlay overlay -o lowerdir=D/lower,upperdir=D/upper,workdir=D/work D/merged"
                  + " && cp /bin/true D/merged/uptrue && D/merged/lowtrue M && D/merged/uptrue M")
              .replace("D/", dir + "/")
              .replace(" M", " " + marker);
      Privileged.run(TMP, "unshare", "-m", "/bin/sh", "-c", script);

      ProcessExec lower =
          events
              .await(
                  ProcessExec.class, e -> e.argv().equals(List.of(dir + "/merged/lowtrue", marker)))
              .orElseThrow();
      ProcessExec upper =
          events
              .await(
                  ProcessExec.class, e -> e.argv().equals(List.of(dir + "/merged/uptrue", marker)))
              .orElseThrow();
      assertThat(lower.exeUpperLayer()).isFalse();
      assertThat(upper.exeUpperLayer()).isTrue();
      assertThat(upper.exePath()).isEqualTo(dir + "/merged/uptrue");
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
