package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the per-CPU perf buffers behind a {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY}, the fallback for
 * kernels without ring buffers. One software event ({@code PERF_COUNT_SW_BPF_OUTPUT}) per CPU is
 * opened, mapped and stored in the map slot of its CPU; {@link #drain} walks the samples between
 * each buffer's tail and head and publishes the new tail once per batch, with no upcall.
 *
 * <p>Each mapping is a control page (data_head at byte 1024, data_tail at 1032) and a power of two
 * of data pages. Records are a perf_event_header (u32 type, u16 misc, u16 size); a sample (type 9)
 * carries a u32 size and the raw record. Unlike a BPF ring buffer the data is mapped once, so a
 * record that wraps around the end is copied into a scratch buffer. Lost-record notices (type 2)
 * are ignored: every failed write is already counted by the program.
 */
public final class PerfReader implements RecordSource {
  private static final VarHandle LONG = JAVA_LONG.varHandle();
  private static final int PERF_TYPE_SOFTWARE = 1;
  private static final int PERF_COUNT_SW_BPF_OUTPUT = 10;
  private static final long PERF_SAMPLE_RAW = 1L << 10;
  private static final long PERF_FLAG_FD_CLOEXEC = 8;
  private static final long PERF_EVENT_IOC_ENABLE = 0x2400;
  private static final int ATTR_SIZE = 128;
  private static final int RECORD_SAMPLE = 9;
  private static final long DATA_HEAD = 1024;
  private static final long DATA_TAIL = 1032;

  private final Arena arena = Arena.ofShared();
  private final long pageSize;
  private final long dataSize;
  private final List<Integer> fds = new ArrayList<>();
  private final List<MemorySegment> maps = new ArrayList<>();
  private final MemorySegment scratch;
  private boolean closed;

  /**
   * Opens one perf buffer of {@code bytesPerCpu} (rounded to a power of two of pages) on each CPU
   * and stores it in the perf event array of {@code object}.
   */
  public PerfReader(BpfObject object, String map, long bytesPerCpu) throws BpfException {
    this.pageSize = Libc.pageSize();
    long pages = Math.max(1, Long.highestOneBit(Math.max(1, bytesPerCpu / pageSize)));
    this.dataSize = pages * pageSize;
    this.scratch = arena.allocate(dataSize, 8);
    int cpus = Libbpf1.possibleCpus();
    try {
      for (int cpu = 0; cpu < cpus; cpu++) {
        open(object, map, cpu);
      }
    } catch (BpfException e) {
      close();
      throw e;
    }
  }

  private void open(BpfObject object, String map, int cpu) throws BpfException {
    MemorySegment capture = Native.captureSegment(arena);
    MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
    attr.set(JAVA_INT, 0, PERF_TYPE_SOFTWARE);
    attr.set(JAVA_INT, 4, ATTR_SIZE);
    attr.set(JAVA_LONG, 8, PERF_COUNT_SW_BPF_OUTPUT);
    attr.set(JAVA_LONG, 16, 1); // sample_period
    attr.set(JAVA_LONG, 24, PERF_SAMPLE_RAW);
    attr.set(JAVA_INT, 48, 1); // wakeup_events
    int fd = Libc.perfEventOpen(capture, attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
    if (fd < 0) {
      int errno = Native.errno(capture);
      if (errno == Errno.ENOENT || errno == 19 /* ENODEV: CPU offline */) {
        return;
      }
      throw new BpfException("open perf buffer on CPU " + cpu, errno);
    }
    fds.add(fd);
    long length = pageSize + dataSize;
    MemorySegment m =
        Libc.mmap(capture, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
    if (m.address() == -1L) {
      throw new BpfException("map perf buffer of CPU " + cpu, Native.errno(capture));
    }
    maps.add(m.reinterpret(length));
    object.updateU32(map, cpu, fd);
    if (Libc.ioctl(capture, fd, PERF_EVENT_IOC_ENABLE, 0) < 0) {
      throw new BpfException("enable perf buffer of CPU " + cpu, Native.errno(capture));
    }
  }

  @Override
  public List<Integer> pollFds() {
    return List.copyOf(fds);
  }

  @Override
  public synchronized int drain(Handler handler, int max) {
    if (closed) {
      return 0;
    }
    int handled = 0;
    for (MemorySegment m : maps) {
      handled += drainOne(m, handler, max - handled);
      if (handled >= max) {
        break;
      }
    }
    return handled;
  }

  private int drainOne(MemorySegment m, Handler handler, int max) {
    long head = (long) LONG.getAcquire(m, DATA_HEAD);
    long tail = (long) m.get(JAVA_LONG, DATA_TAIL);
    MemorySegment data = m.asSlice(pageSize, dataSize);
    int handled = 0;
    while (tail < head && handled < max) {
      MemorySegment rec = contiguous(data, tail, 8);
      int type = rec.get(JAVA_INT_UNALIGNED, 0);
      int size = Short.toUnsignedInt(rec.get(JAVA_SHORT_UNALIGNED, 6));
      if (size < 8) {
        tail = head; // corrupt header: skip what is there rather than spin
        break;
      }
      if (type == RECORD_SAMPLE) {
        MemorySegment whole = contiguous(data, tail, size);
        int raw = whole.get(JAVA_INT_UNALIGNED, 8);
        handler.record(whole.asSlice(12, Math.min(raw, size - 12)));
        handled++;
      }
      tail += size;
    }
    LONG.setRelease(m, DATA_TAIL, tail);
    return handled;
  }

  /** {@code length} bytes at ring position {@code at}, copied to scratch when they wrap. */
  private MemorySegment contiguous(MemorySegment data, long at, long length) {
    long offset = at & (dataSize - 1);
    if (offset + length <= dataSize) {
      return data.asSlice(offset, length);
    }
    long first = dataSize - offset;
    MemorySegment.copy(data, offset, scratch, 0, first);
    MemorySegment.copy(data, 0, scratch, first, length - first);
    return scratch.asSlice(0, length);
  }

  @Override
  public synchronized long pending() {
    long max = 0;
    for (MemorySegment m : maps) {
      max = Math.max(max, (long) LONG.getAcquire(m, DATA_HEAD) - m.get(JAVA_LONG, DATA_TAIL));
    }
    return max;
  }

  @Override
  public long capacity() {
    return dataSize;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (MemorySegment m : maps) {
      Libc.munmap(m, m.byteSize());
    }
    for (int fd : fds) {
      Libc.close(fd);
    }
    arena.close();
  }
}
