package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.FileOpen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens made by this test process itself (the self filter is off), so the exact syscalls are known:
 * dirfd-relative opens, and a flood into a deliberately small ring buffer.
 */
@Tag("privileged")
class FileSensorInProcessPrivilegedTest {
  private static final int ENOENT = 2;

  @Test
  void dirfdRelativeOpensAreResolvedAgainstTheDirectory() throws Throwable {
    Privileged.assumeBpf();
    var events = new Privileged.Collector();
    try (SensorSet sensors =
        Sensors.open(SensorConfig.builder().selfPid(0).ringBufferBytes(1 << 20).build())) {
      sensors.start(Set.of("openat"), events);
      int dir = SelfCalls.open("/etc", SelfCalls.O_RDONLY | SelfCalls.O_DIRECTORY);
      assertThat(dir).isNotNegative();
      int fd = SelfCalls.openat(dir, "hostname", SelfCalls.O_RDONLY);
      String missing = "tapio-missing-" + UUID.randomUUID();
      int failed = SelfCalls.openat(dir, "../etc/" + missing, SelfCalls.O_RDONLY);
      SelfCalls.close(fd);
      SelfCalls.close(dir);
      int self = (int) ProcessHandle.current().pid();

      FileOpen ok =
          events
              .await(
                  FileOpen.class, e -> e.header().pid() == self && e.rawPath().equals("hostname"))
              .orElseThrow();
      assertThat(ok.path()).isEqualTo(Path.of("/etc/hostname").toRealPath().toString());
      assertThat(ok.result()).isEqualTo(fd);
      FileOpen bad =
          events
              .await(FileOpen.class, e -> e.header().pid() == self && e.rawPath().endsWith(missing))
              .orElseThrow();
      assertThat(failed).isNegative();
      assertThat(bad.result()).isEqualTo(-ENOENT);
      assertThat(bad.path()).isEqualTo("/etc/" + missing);
      assertThat(bad.header().tid()).isNotEqualTo(0);
    }
  }

  @Test
  void everyCreatIsEitherReceivedOrCountedAsDropped() throws Throwable {
    SensorStats file = flood(KernelFeatures.all());
    assertThat(file.ringCapacity()).isEqualTo(4096);
    assertThat(file.ringHighWater()).isPositive().isLessThanOrEqualTo(4096);
  }

  @Test
  void perfBuffersAccountForEveryCreatToo() throws Throwable {
    SensorStats file = flood(KernelFeatures.all().refuse(Feature.RING_BUFFER, "simulated"));
    assertThat(file.ringCapacity()).isEqualTo(4096);
  }

  @Test
  void aCgroupOverItsRateLimitIsThrottledAndCounted() throws Throwable {
    Privileged.assumeBpf();
    var events = new Privileged.Collector();
    Path dir = Files.createTempDirectory("tapio-throttle");
    String path = dir.resolve("f").toString();
    int generated = 3000;
    try (SensorSet sensors =
        Sensors.open(
            SensorConfig.builder()
                .selfPid(0)
                .ringBufferBytes(1 << 20)
                .cgroupRateLimit(100, 50)
                .build())) {
      sensors.start(Set.of("creat"), events);
      long start = System.nanoTime();
      for (int i = 0; i < generated; i++) {
        SelfCalls.close(SelfCalls.creat(path, 0600));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      long received = 0;
      long throttled = 0;
      long dropped = 0;
      while (System.nanoTime() < deadline) {
        received = events.all(FileOpen.class, e -> e.rawPath().equals(path)).size();
        throttled = sensors.throttleCounters().getOrDefault("open", 0L);
        dropped = sensors.dropCounters().getOrDefault("open", 0L);
        if (received + throttled + dropped >= generated) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(received + throttled + dropped).isEqualTo(generated);
      assertThat((double) received).isLessThanOrEqualTo(50 + 100 * (seconds + 1) + 50);
      assertThat(throttled).isPositive();
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.delete(dir);
    }
  }

  /**
   * Creates one file 20 000 times into a 4 KiB buffer with the poller competing for the CPU:
   * records received plus records counted as dropped must be exactly the calls made.
   */
  private static SensorStats flood(KernelFeatures features) throws Throwable {
    Privileged.assumeBpf();
    var events = new Privileged.Collector();
    Path dir = Files.createTempDirectory("tapio-flood");
    String path = dir.resolve("f").toString();
    int generated = 20_000;
    try (SensorSet sensors =
        Sensors.open(
            SensorConfig.builder().selfPid(0).ringBufferBytes(4096).features(features).build())) {
      sensors.start(Set.of("creat"), events);
      for (int i = 0; i < generated; i++) {
        SelfCalls.close(SelfCalls.creat(path, 0600));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      long received = 0;
      long dropped = 0;
      while (System.nanoTime() < deadline) {
        received = events.all(FileOpen.class, e -> e.rawPath().equals(path)).size();
        dropped = sensors.dropCounters().getOrDefault("open", 0L);
        if (received + dropped >= generated) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(dropped).as("a 4 KiB buffer must overflow").isPositive();
      assertThat(received + dropped).isEqualTo(generated);
      return sensors.stats().stream()
          .filter(s -> s.sensor().equals("file"))
          .findFirst()
          .orElseThrow();
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.delete(dir);
    }
  }
}
