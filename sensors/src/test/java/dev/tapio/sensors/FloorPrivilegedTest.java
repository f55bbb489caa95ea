package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.FileOpen;
import dev.tapio.api.spi.SourceStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The floor attaches where the sensors would, and its programs send nothing. */
@Tag("privileged")
class FloorPrivilegedTest {
  private static final Set<String> TYPES = Set.of("openat", "execve", "clone", "procexit");

  @Test
  void floorAttachesTheSameHooksOnTheSameMechanismsAndSendsNothing() throws Exception {
    Privileged.assumeBpf();
    Map<String, SourceStatus> sensors;
    try (SensorSet real = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build())) {
      real.start(TYPES, e -> {});
      sensors = real.statuses();
    }
    var events = new Privileged.Collector();
    try (SensorSet floor = Sensors.floor(SensorConfig.builder().ringBufferBytes(1 << 20).build())) {
      floor.start(TYPES, events);
      assertThat(floor.statuses()).isEqualTo(sensors);
      assertThat(floor.statuses().get("file"))
          .isEqualTo(SourceStatus.enabled(Privileged.openTier()));
      Process cat = Privileged.run(Path.of("/tmp"), "cat", "/etc/hostname");
      assertThat(cat.exitValue()).isZero();
      Thread.sleep(300);
      assertThat(events.all(FileOpen.class, e -> true)).isEmpty();
      assertThat(floor.stats()).allSatisfy(s -> assertThat(s.received()).isZero());
    }
  }
}
