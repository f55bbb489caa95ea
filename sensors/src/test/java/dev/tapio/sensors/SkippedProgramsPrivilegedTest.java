package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.internal.ffm.ProgramInfo;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import dev.tapio.sensors.internal.load.LoadResult;
import dev.tapio.sensors.internal.load.Retry;
import dev.tapio.sensors.internal.load.RunningSensor;
import dev.tapio.sensors.internal.load.SensorLoader;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel's counts of each attached program are read for real: its runs (with BPF statistics on)
 * and how often it was skipped because another BPF program ran on the same CPU ({@code
 * recursion_misses}, 5.12+), which the sensors count as lost records.
 */
@Tag("privileged")
class SkippedProgramsPrivilegedTest {
  private static final Set<String> PROCESS_TYPES = Set.of("execve", "clone", "procexit");

  @Test
  void eachAttachedProgramsRunsAndSkipsAreRead() throws Exception {
    Privileged.assumeBpf();
    SensorConfig config = SensorConfig.builder().ringBufferBytes(1 << 16).build();
    SensorLoader loader = new SensorLoader(new LibbpfBackend(config), Retry.standard());
    try (AutoCloseable stats = ProgramInfo.enableStats();
        RunningSensor process =
            new RunningSensor(
                "process",
                loader.load(SensorCatalog.PROCESS, FeatureProbe.probe(), PROCESS_TYPES),
                null)) {
      LoadResult result = process.result();
      assertThat(result.loaded()).isNotNull();
      for (int i = 0; i < 3; i++) {
        Privileged.run(Path.of("/tmp"), "/bin/true").waitFor();
      }
      Map<String, ProgramInfo.Counts> counts = result.loaded().programCounts();
      System.out.println("process programs: " + counts);
      assertThat(counts).isNotEmpty();
      // the exec hook ran at least once per /bin/true, whichever rung it is on
      assertThat(counts.values().stream().mapToLong(ProgramInfo.Counts::runs).max().orElse(0))
          .isGreaterThanOrEqualTo(3);
      if (ProgramInfo.countsRecursionMisses()) {
        assertThat(counts.values())
            .allSatisfy(c -> assertThat(c.recursionMisses()).isPresent())
            .allSatisfy(c -> assertThat(c.recursionMisses().getAsLong()).isNotNegative());
        assertThat(process.skipped()).isPresent();
        assertThat(process.skipped().getAsLong())
            .isEqualTo(
                counts.values().stream().mapToLong(c -> c.recursionMisses().getAsLong()).sum());
      } else {
        assertThat(counts.values()).allSatisfy(c -> assertThat(c.recursionMisses()).isEmpty());
        assertThat(process.skipped()).isEmpty();
      }
    }
  }

  @Test
  void theSensorSetReportsWhatTheKernelSkipped() {
    Privileged.assumeBpf();
    try (SensorSet sensors =
        Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 16).build())) {
      sensors.start(PROCESS_TYPES, new Privileged.Collector());
      var skipped = sensors.skippedByKernel();
      assertThat(skipped.isPresent()).isEqualTo(ProgramInfo.countsRecursionMisses());
      String line = Sensors.skippedLine(skipped);
      System.out.print(line);
      assertThat(line).startsWith("skipped by the kernel (recursion): ");
      assertThat(sensors.stats())
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.skipped()).isNotNegative());
      if (skipped.isPresent()) {
        assertThat(sensors.stats().stream().mapToLong(SensorStats::skipped).sum())
            .isLessThanOrEqualTo(sensors.skippedByKernel().getAsLong());
      }
    }
  }
}
