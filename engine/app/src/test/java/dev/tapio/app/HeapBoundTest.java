package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The old generation of a Serial heap allowed to grow to 256 MiB, fed 6 MiB arrays that go straight
 * to it and die at once (what promoted garbage does in the engine, faster): without a bound it
 * grows toward -Xmx before Serial collects it; with one it stays within the live size plus the
 * headroom. Each run is a JVM of its own, with the engine's collector.
 */
class HeapBoundTest {

  @Test
  void fullCollectionsKeepTheOldGenerationNearItsLiveSize() throws Exception {
    String bounded = run(true);
    assertThat(bounded).startsWith("peak-mib ");
    long peak = Long.parseLong(bounded.split(" ")[1]);
    long collections = Long.parseLong(bounded.split(" ")[3]);
    assertThat(collections).isPositive();
    assertThat(peak).isLessThan(48);
  }

  @Test
  void withoutTheBoundSerialLetsGarbageGrowTowardTheMaximum() throws Exception {
    String unbounded = run(false);
    assertThat(unbounded).startsWith("peak-mib ");
    assertThat(Long.parseLong(unbounded.split(" ")[1])).isGreaterThan(96);
  }

  @Test
  void underG1ThereIsNothingToBound() throws Exception {
    assertThat(java("-XX:+UseG1GC", Probe.class)).contains("bound false");
    assertThat(java("-XX:+UseSerialGC", Probe.class)).contains("bound true");
  }

  private static String java(String gc, Class<?> main) throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                javaBin.toString(),
                gc,
                "-cp",
                System.getProperty("java.class.path"),
                main.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  /** The child JVM: whether there is an old generation to bound under its collector. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println("bound " + HeapBound.start().isPresent());
    }
  }

  private static String run(boolean bound) throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                javaBin.toString(),
                "-XX:+UseSerialGC",
                "-Xms16m",
                "-Xmx256m",
                "-Xmn4m",
                "-cp",
                System.getProperty("java.class.path"),
                Garbage.class.getName(),
                String.valueOf(bound))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().filter(l -> l.startsWith("peak-mib ")).findFirst().orElse(out);
  }

  /** The child JVM: 200 arrays of 6 MiB, each garbage at once, with small allocations between. */
  static final class Garbage {
    static volatile Object sink = new Object();

    public static void main(String[] args) throws Exception {
      HeapBound bound = Boolean.parseBoolean(args[0]) ? HeapBound.start().orElseThrow() : null;
      MemoryPoolMXBean old =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getName().equals("Tenured Gen"))
              .findFirst()
              .orElseThrow();
      List<byte[]> live = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        live.add(new byte[1 << 20]);
      }
      for (int i = 0; i < 200; i++) {
        sink = new byte[6 << 20];
        for (int j = 0; j < 2_000; j++) {
          sink = new byte[1024];
        }
        Thread.sleep(2);
      }
      Thread.sleep(200);
      System.out.println(
          "peak-mib "
              + (old.getPeakUsage().getUsed() >> 20)
              + " collections "
              + (bound == null ? 0 : bound.collections())
              + " live "
              + live.size());
      if (bound != null) {
        bound.close();
      }
    }
  }
}
