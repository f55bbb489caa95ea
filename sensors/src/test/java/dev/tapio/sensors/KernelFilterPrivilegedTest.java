package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.FileOpen;
import dev.tapio.api.filter.FilterTerm;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.filter.PathPattern;
import dev.tapio.api.filter.TypeFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With a filter that wants /etc/shadow only, the kernel delivers that open and drops the other
 * opens (libraries, /etc/hostname, /etc/passwd, a missing file) before the ring buffer. A path the
 * kernel cannot compare as passed (relative, or one Java still normalizes) is delivered.
 */
@Tag("privileged")
class KernelFilterPrivilegedTest {
  private static SensorSet sensors;
  private static Privileged.Collector events;

  @BeforeAll
  static void start() {
    Privileged.assumeBpf();
    TypeFilter shadow =
        new TypeFilter(
            List.of(
                new FilterTerm(new PathPattern.Exact("/etc/shadow"), FilterTerm.ALL_MODES, false)));
    KernelFilter filter =
        new KernelFilter(
            Map.of("open", shadow, "openat", shadow, "openat2", shadow, "creat", shadow));
    events = new Privileged.Collector();
    sensors =
        Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).kernelFilter(filter).build());
    sensors.start(Set.of("open", "openat", "openat2", "creat"), events);
  }

  @AfterAll
  static void stop() {
    if (sensors != null) {
      sensors.close();
    }
  }

  @Test
  void onlyTheOpenARuleCanMatchIsDelivered() throws Exception {
    Process other = Privileged.run(Path.of("/tmp"), "cat", "/etc/hostname", "/etc/passwd");
    Process cat = Privileged.run(Path.of("/tmp"), "cat", "/etc/shadow");
    assertThat(
            events.await(
                FileOpen.class,
                e -> e.header().pid() == cat.pid() && e.path().equals("/etc/shadow")))
        .isPresent();
    assertThat(events.all(FileOpen.class, e -> e.header().pid() == other.pid())).isEmpty();
    assertThat(events.all(FileOpen.class, e -> e.header().pid() == cat.pid() && e.succeeded()))
        .extracting(FileOpen::path)
        .containsOnly("/etc/shadow");
    assertThat(file().filtered().getOrDefault("open", 0L)).isGreaterThanOrEqualTo(2L);
  }

  @Test
  void aPathNotYetNormalPassesTheKernel() throws Exception {
    Process cat =
        Privileged.run(
            Path.of("/etc"),
            "cat",
            "/no/such/file",
            "/etc//hostname",
            "/etc/./passwd",
            "/usr/../etc/shadow",
            "shadow");
    // in the order cat opens them: once the last is seen, a delivered first one would be too
    assertThat(
            events.await(
                FileOpen.class, e -> e.header().pid() == cat.pid() && e.rawPath().equals("shadow")))
        .isPresent();
    assertThat(events.all(FileOpen.class, e -> e.header().pid() == cat.pid()))
        .extracting(FileOpen::path)
        .contains("/etc/hostname", "/etc/passwd", "/etc/shadow")
        .doesNotContain("/no/such/file")
        .filteredOn("/etc/shadow"::equals)
        .hasSize(2);
  }

  private static SensorStats file() {
    return sensors.stats().stream()
        .filter(s -> s.sensor().equals("file"))
        .findFirst()
        .orElseThrow();
  }
}
