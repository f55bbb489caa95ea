package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Kernel clocks: what {@code bpf_ktime_get_boot_ns} counts, and the wall clock. */
public final class Clocks {
  private Clocks() {}

  public static long bootNanos() {
    return read(Libc.CLOCK_BOOTTIME);
  }

  public static long realtimeNanos() {
    return read(Libc.CLOCK_REALTIME);
  }

  /** Add to a boot-time timestamp to get nanoseconds since the Unix epoch. */
  public static long bootToEpochOffset() {
    long boot1 = bootNanos();
    long real = realtimeNanos();
    long boot2 = bootNanos();
    return real - (boot1 + (boot2 - boot1) / 2);
  }

  private static long read(int clock) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment ts = arena.allocate(16, 8);
      if (Libc.clockGettime(clock, ts) != 0) {
        throw new IllegalStateException("clock_gettime(" + clock + ") failed");
      }
      return ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
    }
  }
}
