package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/** Waits with poll(2) until one of several ring buffers has data. */
public final class PollSet implements AutoCloseable {
  private static final long POLLFD_BYTES = 8;
  private final Arena arena = Arena.ofShared();
  private final MemorySegment fds;
  private final MemorySegment capture;
  private final int count;

  public PollSet(List<Integer> fileDescriptors) {
    this.count = fileDescriptors.size();
    this.fds = arena.allocate(POLLFD_BYTES * Math.max(1, count), 8);
    this.capture = Native.captureSegment(arena);
    for (int i = 0; i < count; i++) {
      fds.set(JAVA_INT, i * POLLFD_BYTES, fileDescriptors.get(i));
      fds.set(JAVA_SHORT, i * POLLFD_BYTES + 4, (short) Libc.POLLIN);
    }
  }

  /** Waits up to {@code timeoutMillis}; returns the number of ready descriptors, 0 on timeout. */
  public int await(int timeoutMillis) {
    int rc = Libc.poll(capture, fds, count, timeoutMillis);
    return rc < 0 ? 0 : rc;
  }

  @Override
  public void close() {
    arena.close();
  }
}
