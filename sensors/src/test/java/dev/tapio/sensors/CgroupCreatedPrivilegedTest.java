package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.CgroupCreated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The process sensor reports each cgroup created on the cgroup v2 hierarchy with its id and path,
 * so a container's cgroup is known even if it is removed before its events are enriched.
 */
@Tag("privileged")
class CgroupCreatedPrivilegedTest {
  private static SensorSet sensors;
  private static Privileged.Collector events;

  @BeforeAll
  static void start() {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(Set.of(CgroupCreated.TYPE), events);
  }

  @AfterAll
  static void stop() {
    if (sensors != null) {
      sensors.close();
    }
  }

  @Test
  void theHookRunsOnTheTypedTracepointOrTheRawOne() {
    Map<String, Mechanism> tiers = sensors.hookTiers().get("process");
    assertThat(tiers.get("cgroup")).isIn(Mechanism.TP_BTF, Mechanism.RAW_TRACEPOINT);
  }

  @Test
  void aCgroupRemovedAtOnceIsReportedWithItsIdAndPath() throws Exception {
    Path unified = unifiedMount();
    String name = "tapio-test-mkdir-" + UUID.randomUUID();
    Path parent = Files.createDirectory(unified.resolve(name));
    Path child = Files.createDirectory(parent.resolve("docker-" + "ab".repeat(32) + ".scope"));
    long parentId = (Long) Files.getAttribute(parent, "unix:ino");
    long childId = (Long) Files.getAttribute(child, "unix:ino");
    Files.delete(child);
    Files.delete(parent);

    CgroupCreated created =
        events.await(CgroupCreated.class, e -> e.cgroupId() == childId).orElseThrow();
    assertThat(created.path()).isEqualTo("/" + name + "/docker-" + "ab".repeat(32) + ".scope");
    assertThat(created.type()).isEqualTo("cgroup_mkdir");
    assertThat(created.header().pid()).isEqualTo((int) ProcessHandle.current().pid());
    assertThat(events.await(CgroupCreated.class, e -> e.cgroupId() == parentId))
        .hasValueSatisfying(e -> assertThat(e.path()).isEqualTo("/" + name));
  }

  @Test
  void cgroupsOfTheVersionOneHierarchiesAreNotReported() throws Exception {
    Path pids = Path.of("/sys/fs/cgroup/pids");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(pids) && !pids.equals(unifiedMount()),
        "SKIPPED LOUDLY: no cgroup v1 pids hierarchy on this machine");
    String name = "tapio-test-v1-" + UUID.randomUUID();
    Path v1 = Files.createDirectory(pids.resolve(name));
    Files.delete(v1);
    // a v2 cgroup made after it: once it is seen, the v1 one would have been seen before it
    Path marker = Files.createDirectory(unifiedMount().resolve(name));
    long markerId = (Long) Files.getAttribute(marker, "unix:ino");
    Files.delete(marker);
    assertThat(events.await(CgroupCreated.class, e -> e.cgroupId() == markerId)).isPresent();
    assertThat(events.all(CgroupCreated.class, e -> e.path().contains(name)))
        .extracting(CgroupCreated::path)
        .containsExactly("/" + name);
  }

  /** Where cgroup2 is mounted: /sys/fs/cgroup on a unified host, .../unified on a hybrid one. */
  private static Path unifiedMount() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String[] halves = line.split(" - ", 2);
      if (halves.length == 2 && halves[1].startsWith("cgroup2 ")) {
        return Path.of(halves[0].split(" ")[4]);
      }
    }
    throw new IOException("no cgroup2 file system is mounted");
  }
}
