package dev.tapio.sensors.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog against the objects the build produced (opened, not loaded: no root needed). */
class SensorCatalogTest {
  @Test
  void everyProgramAndMapOfTheCatalogIsInItsObject() throws Exception {
    for (SensorSpec spec : SensorCatalog.ALL) {
      assertObjectHasEveryProgramAndMap(spec);
    }
  }

  @Test
  void everyFloorObjectHasEveryProgramAndMapOfItsSensor() throws Exception {
    for (SensorSpec sensor : SensorCatalog.ALL) {
      SensorSpec floor = sensor.floor();
      assertThat(floor.resource()).isEqualTo("/dev/tapio/bpf/floor-" + sensor.object());
      assertThat(floor.programs()).isEqualTo(sensor.programs());
      assertObjectHasEveryProgramAndMap(floor);
    }
  }

  private static void assertObjectHasEveryProgramAndMap(SensorSpec spec) throws Exception {
    assumeTrue(Libbpf1.available(), "SKIPPED LOUDLY: libbpf.so.1 missing: apt-get install libbpf1");
    try (BpfObject obj = BpfObject.open(spec.name(), LibbpfBackend.objectBytes(spec.resource()))) {
      for (ProgramSpec p : spec.programs()) {
        for (Attachment a : p.ladder()) {
          for (String program : a.programs()) {
            assertThat(obj.hasProgram(program)).as(spec.name() + ": " + program).isTrue();
          }
        }
      }
      for (MapSpec m : spec.maps()) {
        assertThat(obj.hasMap(m.name())).as(spec.name() + ": " + m.name()).isTrue();
      }
    }
  }

  @Test
  void hookNamesAreUniqueAcrossSensors() {
    Set<String> seen = new HashSet<>();
    for (SensorSpec spec : SensorCatalog.ALL) {
      for (ProgramSpec p : spec.programs()) {
        assertThat(seen.add(p.hook())).as(p.hook()).isTrue();
      }
    }
  }
}
