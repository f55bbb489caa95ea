package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the kernel counts for a loaded program ({@code struct bpf_prog_info}, read with {@code
 * bpf_obj_get_info_by_fd}), laid out as the running kernel's BTF says rather than as a copy of the
 * UAPI header: {@code recursion_misses} (5.12+) is how often the kernel skipped the program because
 * another BPF program was running on the same CPU (a trampoline's or a tracepoint's, on a
 * preemptible kernel), each skip a record lost; {@code run_cnt} counts its runs while BPF
 * statistics are on ({@code kernel.bpf_stats_enabled}, or {@link #enableStats}).
 */
public final class ProgramInfo {
  /** Where the counters are in the kernel's struct; a field the kernel lacks is empty. */
  private record Layout(long size, long runCount, OptionalLong recursionMisses) {}

  /** A program's counters; {@code recursionMisses} empty where the kernel does not count them. */
  public record Counts(long runs, OptionalLong recursionMisses) {}

  private static final Optional<Layout> LAYOUT = layout();

  private ProgramInfo() {}

  /** Whether the running kernel counts the programs it skips (5.12+). */
  public static boolean countsRecursionMisses() {
    return LAYOUT.map(l -> l.recursionMisses().isPresent()).orElse(false);
  }

  /** The counters of the program {@code fd}. */
  public static Counts of(int fd) throws BpfException {
    Layout layout = LAYOUT.orElse(null);
    if (layout == null) {
      throw new BpfException("read program info (no struct bpf_prog_info in BTF)", Errno.ENOENT);
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment info = arena.allocate(layout.size(), 8);
      MemorySegment length = arena.allocate(JAVA_INT);
      length.set(JAVA_INT, 0, (int) layout.size());
      int rc = Libbpf1.objGetInfoByFd(fd, info, length);
      if (rc < 0) {
        throw new BpfException("read program info", -rc);
      }
      long filled = Integer.toUnsignedLong(length.get(JAVA_INT, 0));
      OptionalLong at = layout.recursionMisses();
      return new Counts(
          info.get(JAVA_LONG, layout.runCount()),
          at.isPresent() && at.getAsLong() + Long.BYTES <= filled
              ? OptionalLong.of(info.get(JAVA_LONG, at.getAsLong()))
              : OptionalLong.empty());
    }
  }

  /**
   * Turns the kernel's run statistics on ({@code bpf_enable_stats(BPF_STATS_RUN_TIME)}) until the
   * result is closed: {@code run_cnt} counts only then.
   */
  public static AutoCloseable enableStats() throws BpfException {
    int fd = Libbpf1.enableStats();
    if (fd < 0) {
      throw new BpfException("enable BPF statistics", -fd);
    }
    return () -> Libc.close(fd);
  }

  private static Optional<Layout> layout() {
    return Btf.kernelStruct("bpf_prog_info")
        .flatMap(
            s -> {
              Btf.Member runs = s.members().get("run_cnt");
              Btf.Member misses = s.members().get("recursion_misses");
              return runs == null
                  ? Optional.empty()
                  : Optional.of(
                      new Layout(
                          s.size(),
                          runs.offset(),
                          misses == null
                              ? OptionalLong.empty()
                              : OptionalLong.of(misses.offset())));
            });
  }
}
