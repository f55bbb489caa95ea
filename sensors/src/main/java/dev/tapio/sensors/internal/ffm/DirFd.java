package dev.tapio.sensors.internal.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/** A directory opened read-only (a cgroup to attach to); closing closes the descriptor. */
public final class DirFd implements AutoCloseable {
  private static final int O_RDONLY_DIRECTORY = 0200000;
  private final int fd;

  private DirFd(int fd) {
    this.fd = fd;
  }

  public static DirFd open(Path dir) throws BpfException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment capture = Native.captureSegment(arena);
      int fd = Libc.open(capture, arena.allocateFrom(dir.toString()), O_RDONLY_DIRECTORY);
      if (fd < 0) {
        throw new BpfException("open " + dir, Native.errno(capture));
      }
      return new DirFd(fd);
    }
  }

  public int fd() {
    return fd;
  }

  @Override
  public void close() {
    Libc.close(fd);
  }
}
