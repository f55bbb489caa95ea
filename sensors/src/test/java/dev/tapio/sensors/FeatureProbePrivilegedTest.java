package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("privileged")
class FeatureProbePrivilegedTest {
  @Test
  void probesWhatEverySupportedKernelHas() {
    Privileged.assumeBpf();
    KernelFeatures features = FeatureProbe.probe();
    features.list().forEach(r -> System.out.println("feature " + r));
    // The tracepoint tier the sensors rely on (5.8+ with BTF).
    for (Feature f :
        new Feature[] {
          Feature.BTF,
          Feature.RING_BUFFER,
          Feature.PERF_BUFFER,
          Feature.TP_BTF,
          Feature.RAW_TRACEPOINT,
          Feature.TRACEPOINT,
          Feature.CGROUP_SKB
        }) {
      assertThat(features.result(f).supported()).as(f.label()).isTrue();
    }
    // Refused features say which probe failed and how; BPF LSM also when it attached but the
    // kernel's LSM list leaves it out.
    features.list().stream()
        .filter(r -> !r.supported())
        .forEach(
            r ->
                assertThat(r.detail())
                    .matches(
                        "(load|attach) .+: E[A-Z0-9]+|attach probe_lsm: attached, but bpf is not"
                            + " in the kernel's LSM list .+"));
  }

  @Test
  void checkLoadsEverySensorAndLetsGo() {
    Privileged.assumeBpf();
    var statuses = Sensors.check(SensorConfig.builder().ringBufferBytes(1 << 16).build());
    assertThat(statuses.keySet())
        .containsExactly("process", "file", "privilege", "seccomp", "lsm", "net", "audit");
    System.out.println(Sensors.report(FeatureProbe.probe(), statuses));
    // a kernel before Landlock (5.10) has no landlock_restrict_self to mark its domains by: that
    // hook is off and said to miss nothing (no task can make the call), the sensor enabled
    boolean landlockSyscalls =
        java.nio.file.Files.exists(
                java.nio.file.Path.of(
                    "/sys/kernel/tracing/events/syscalls/sys_exit_landlock_restrict_self"))
            || java.nio.file.Files.exists(
                java.nio.file.Path.of(
                    "/sys/kernel/debug/tracing/events/syscalls/sys_exit_landlock_restrict_self"));
    statuses.forEach(
        (name, status) ->
            assertThat(status.state())
                .as(name + ": " + status)
                .isEqualTo(dev.tapio.api.spi.SourceStatus.State.ENABLED));
    if (!landlockSyscalls) {
      System.out.println("no landlock_restrict_self in this kernel: its hook is off");
    }
  }
}
