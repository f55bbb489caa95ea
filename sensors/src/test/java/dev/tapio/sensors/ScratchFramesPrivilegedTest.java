package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.FileOpen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Records are built in scratch frames (bpf/lib/frame.h): a task's program claims one for its run
 * and frees it at its end, a tail-called walker included. Many threads of this process, more than
 * the CPUs, open files at once, each its own: no record may be counted as dropped (a frame not
 * freed would leave a CPU without any after a few threads), and each must carry the thread that
 * made the call and its own path (a frame shared by two runs would mix them).
 *
 * <p>Where programs can be preempted (fexit on a preemptible 7.x kernel), the kernel skips a
 * program that a preempted task is still running on the same CPU (its recursion check, counted only
 * in the program's {@code recursion_misses}): a thread may then see fewer records than calls, never
 * more, and never another's.
 */
@Tag("privileged")
class ScratchFramesPrivilegedTest {
  private static final int THREADS = 12;
  private static final int CALLS = 300;
  private static final int O_WRONLY = 01;
  private static final int O_CREAT = 0100;

  @Test
  void concurrentThreadsEachGetTheirOwnRecords() throws Throwable {
    Privileged.assumeBpf();
    var events = new Privileged.Collector();
    Path dir = Files.createTempDirectory("tapio-frames");
    int self = (int) ProcessHandle.current().pid();
    try (SensorSet sensors =
        Sensors.open(SensorConfig.builder().selfPid(0).ringBufferBytes(4 << 20).build())) {
      sensors.start(Set.of("creat", "openat"), events);
      int dirFd = SelfCalls.open(dir.toString(), SelfCalls.O_RDONLY | SelfCalls.O_DIRECTORY);
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        // even threads: creat with an absolute path (no walk); odd: openat relative to the
        // directory, whose path the walker adds in a tail call on the tracepoint tier
        boolean relative = t % 2 == 1;
        String name = "f" + t;
        String absolute = dir.resolve(name).toString();
        Thread thread =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        start.await();
                        for (int i = 0; i < CALLS; i++) {
                          int fd =
                              relative
                                  ? SelfCalls.openat(dirFd, name, O_WRONLY | O_CREAT)
                                  : SelfCalls.creat(absolute, 0600);
                          SelfCalls.close(fd);
                        }
                      } catch (Throwable e) {
                        synchronized (failures) {
                          failures.add(e);
                        }
                      }
                    });
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      SelfCalls.close(dirFd);
      assertThat(failures).isEmpty();

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      int seen = -1;
      int now = received(events, dir);
      // until every record is in, or none came for a second (the kernel skipped some)
      while (System.nanoTime() < deadline && now < THREADS * CALLS && now != seen) {
        seen = now;
        Thread.sleep(1000);
        now = received(events, dir);
      }
      assertThat(sensors.dropCounters().getOrDefault("open", 0L)).as("dropped").isZero();
      Set<Integer> tids = new HashSet<>();
      for (int t = 0; t < THREADS; t++) {
        String name = "f" + t;
        String type = t % 2 == 1 ? "openat" : "creat";
        String raw = t % 2 == 1 ? name : dir.resolve(name).toString();
        List<FileOpen> mine =
            events.all(FileOpen.class, e -> e.header().pid() == self && e.rawPath().equals(raw));
        assertThat(mine.size()).as("records of thread %d", t).isBetween(1, CALLS);
        Set<Integer> threadTids =
            mine.stream().map(e -> e.header().tid()).collect(Collectors.toSet());
        assertThat(threadTids).as("the thread of %s", raw).hasSize(1);
        assertThat(mine)
            .allSatisfy(e -> assertThat(e.path()).isEqualTo(dir.resolve(name).toString()))
            .allSatisfy(e -> assertThat(e.type()).isEqualTo(type));
        tids.addAll(threadTids);
      }
      assertThat(tids).as("one thread per path").hasSize(THREADS);
    } finally {
      for (int t = 0; t < THREADS; t++) {
        Files.deleteIfExists(dir.resolve("f" + t));
      }
      Files.delete(dir);
    }
  }

  private static int received(Privileged.Collector events, Path dir) {
    return events.all(FileOpen.class, e -> e.path().startsWith(dir.toString())).size();
  }
}
