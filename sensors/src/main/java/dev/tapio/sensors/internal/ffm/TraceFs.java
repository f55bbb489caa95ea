package dev.tapio.sensors.internal.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Classic tracepoints are attached by the id tracefs publishes, so tracefs must be mounted; when it
 * is not, it is mounted at its standard place (and left there, as tracers do).
 */
public final class TraceFs {
  public static final Path MOUNT_POINT = Path.of("/sys/kernel/tracing");
  public static final Path LEGACY = Path.of("/sys/kernel/debug/tracing");

  private TraceFs() {}

  public static boolean mounted() {
    return Files.isDirectory(MOUNT_POINT.resolve("events"))
        || Files.isDirectory(LEGACY.resolve("events"));
  }

  /** Mounts tracefs when needed; returns whether tracepoints can be attached by name. */
  public static synchronized boolean ensureMounted() {
    if (mounted()) {
      return true;
    }
    if (!Files.isDirectory(MOUNT_POINT)) {
      return false;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment capture = Native.captureSegment(arena);
      MemorySegment fs = arena.allocateFrom("tracefs");
      Libc.mount(capture, fs, arena.allocateFrom(MOUNT_POINT.toString()), fs, 0);
    }
    return mounted();
  }
}
