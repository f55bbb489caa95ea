package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every tracepoint rung of the process sensor's ladder, for real: the probed features are narrowed
 * as if the kernel refused the better mechanisms (BPF LSM and fentry always, as the CI host does;
 * where the kernel has them, {@code ProcessSensorPrivilegedTest} runs on them), and the sensor must
 * still deliver the same events.
 */
@Tag("privileged")
class LadderPrivilegedTest {
  private static final Set<String> TYPES = Set.of("execve", "clone", "procexit");

  private void deliversProcessEvents(KernelFeatures features, String expectedStatus)
      throws Exception {
    Privileged.assumeBpf();
    var events = new Privileged.Collector();
    try (SensorSet sensors =
        Sensors.open(
            SensorConfig.builder()
                .ringBufferBytes(1 << 20)
                .features(
                    features.refuse(Feature.LSM, "simulated").refuse(Feature.FENTRY, "simulated"))
                .build())) {
      sensors.start(TYPES, events);
      assertThat(sensors.statuses().get("process").toString()).isEqualTo(expectedStatus);

      String marker = "tapio-ladder-" + UUID.randomUUID();
      Process sh =
          Privileged.run(Path.of("/tmp"), "/bin/sh", "-c", "/bin/true " + marker + "; exit 4");
      ProcessExec exec =
          events
              .await(ProcessExec.class, e -> e.argv().equals(List.of("/bin/true", marker)))
              .orElseThrow();
      assertThat(exec.ppid()).isEqualTo((int) sh.pid());
      assertThat(exec.exePath()).endsWith("/true");
      assertThat(events.await(ProcessFork.class, f -> f.childPid() == exec.header().pid()))
          .isPresent();
      assertThat(events.await(ProcessExit.class, x -> x.header().pid() == sh.pid()))
          .hasValueSatisfying(x -> assertThat(x.exitCode()).isEqualTo(4 << 8));
    }
  }

  @Test
  void typedTracepoints() throws Exception {
    deliversProcessEvents(KernelFeatures.all(), "enabled (tp_btf+tracepoint)");
  }

  @Test
  void rawTracepointsWhenTpBtfIsRefused() throws Exception {
    deliversProcessEvents(
        KernelFeatures.all().refuse(Feature.TP_BTF, "simulated"), "enabled (raw_tp+tracepoint)");
  }

  @Test
  void perfBuffersWhenRingBuffersAreRefused() throws Exception {
    deliversProcessEvents(
        KernelFeatures.all().refuse(Feature.RING_BUFFER, "simulated"),
        "enabled (tp_btf+tracepoint over perf buffer)");
  }

  @Test
  void classicTracepointsWhenOnlyTheyAreLeft() throws Exception {
    deliversProcessEvents(
        KernelFeatures.all()
            .refuse(Feature.TP_BTF, "simulated")
            .refuse(Feature.RAW_TRACEPOINT, "simulated"),
        "enabled (tracepoint)");
  }
}
