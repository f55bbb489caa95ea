package dev.tapio.sensors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.event.Event;
import dev.tapio.api.spi.EventSink;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Shared plumbing of the privileged tests: skip loudly without root or BPF, collect events. */
final class Privileged {
  private Privileged() {}

  static void assumeBpf() {
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(root, "SKIPPED LOUDLY: privileged sensor tests need root (CAP_BPF, CAP_PERFMON)");
    assumeTrue(
        Libbpf1.available(), "SKIPPED LOUDLY: libbpf.so.1 not found: apt-get install libbpf1");
    assumeTrue(
        Files.isReadable(Path.of("/sys/kernel/btf/vmlinux")),
        "SKIPPED LOUDLY: the kernel has no BTF (/sys/kernel/btf/vmlinux)");
  }

  /**
   * The tier opens are seen on here: fentry where the kernel allows it and its BTF has the function
   * all open syscalls call, else tracepoints (the CI host).
   */
  static String openTier() {
    boolean fentry =
        FeatureProbe.probe().supports(Feature.FENTRY)
            && new dev.tapio.sensors.internal.ffm.KernelFunctions().has("do_sys_openat2");
    return fentry ? "fentry" : "tracepoint";
  }

  /**
   * The tier a hook on a kernel function runs on here: fentry where the kernel allows it and its
   * BTF has the function, else {@code fallback} (the CI host refuses fentry).
   */
  static Mechanism fentryOr(String function, Mechanism fallback) {
    boolean fentry =
        FeatureProbe.probe().supports(Feature.FENTRY)
            && new dev.tapio.sensors.internal.ffm.KernelFunctions().has(function);
    return fentry ? Mechanism.FENTRY : fallback;
  }

  /**
   * The tier a hook with a BPF LSM rung runs on here: lsm where the kernel runs BPF LSM programs
   * (bpf in its LSM list) and has the hook, else {@code fallback}.
   */
  static Mechanism lsmOr(String hook, Mechanism fallback) {
    boolean lsm =
        FeatureProbe.probe().supports(Feature.LSM)
            && new dev.tapio.sensors.internal.ffm.KernelFunctions().has("bpf_lsm_" + hook);
    return lsm ? Mechanism.LSM : fallback;
  }

  /** Collects events and waits for the one a test expects. */
  static final class Collector implements EventSink {
    final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(Event event) {
      events.add(event);
    }

    <T extends Event> Optional<T> await(Class<T> type, Predicate<T> match) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        for (Event e : events) {
          if (type.isInstance(e) && match.test(type.cast(e))) {
            return Optional.of(type.cast(e));
          }
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return Optional.empty();
    }

    <T extends Event> List<T> all(Class<T> type, Predicate<T> match) {
      return events.stream().filter(type::isInstance).map(type::cast).filter(match).toList();
    }
  }

  /** Runs a command to completion and returns its pid. */
  static Process run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor();
    return p;
  }

  /** This process's namespace inode, from /proc/self/ns. */
  static long namespace(String name) throws IOException {
    String link = Files.readSymbolicLink(Path.of("/proc/self/ns/" + name)).toString();
    return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
  }
}
