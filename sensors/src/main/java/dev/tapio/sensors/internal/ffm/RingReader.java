package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * Reads a BPF ring buffer straight from its shared memory, the way libbpf's consumer does, but
 * without an upcall per record: {@link #drain} walks every committed record up to the producer
 * position, hands each to the handler as a segment, and publishes the new consumer position once
 * per batch.
 *
 * <p>Kernel layout: page 0 holds the consumer position (writable by user space); page 1 the
 * producer position; the data area follows, mapped twice in a row so a record that wraps around the
 * end is still contiguous. Each record starts with an 8-byte header whose first word is the length,
 * with bit 31 set while the writer still holds it and bit 30 when it was discarded.
 */
public final class RingReader implements RecordSource {
  private static final VarHandle LONG = JAVA_LONG.varHandle();
  private static final VarHandle INT = JAVA_INT.varHandle();
  private static final int BUSY = 1 << 31;
  private static final int DISCARD = 1 << 30;
  private static final int HEADER = 8;

  private final Arena arena = Arena.ofShared();
  private final int fd;
  private final long size;
  private final long pageSize;
  private final MemorySegment consumerPage;
  private final MemorySegment producerAndData;
  private final MemorySegment data;
  private boolean closed;

  /**
   * Maps the ring buffer behind {@code mapFd}; {@code size} is its max_entries (a power of two
   * multiple of the page size).
   */
  public RingReader(int mapFd, long size) throws BpfException {
    this.fd = mapFd;
    this.size = size;
    this.pageSize = Libc.pageSize();
    MemorySegment capture = Native.captureSegment(arena);
    MemorySegment cons =
        Libc.mmap(capture, pageSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
    if (cons.address() == -1L) {
      throw new BpfException("map ring buffer consumer page", Native.errno(capture));
    }
    MemorySegment prod =
        Libc.mmap(capture, pageSize + 2 * size, Libc.PROT_READ, Libc.MAP_SHARED, fd, pageSize);
    if (prod.address() == -1L) {
      int errno = Native.errno(capture);
      Libc.munmap(cons, pageSize);
      throw new BpfException("map ring buffer data", errno);
    }
    this.consumerPage = cons.reinterpret(pageSize);
    this.producerAndData = prod.reinterpret(pageSize + 2 * size);
    this.data = producerAndData.asSlice(pageSize);
  }

  @Override
  public java.util.List<Integer> pollFds() {
    return java.util.List.of(fd);
  }

  /** Bytes written but not yet consumed. */
  @Override
  public long pending() {
    long cons = (long) LONG.getAcquire(consumerPage, 0L);
    long prod = (long) LONG.getAcquire(producerAndData, 0L);
    return prod - cons;
  }

  @Override
  public long capacity() {
    return size;
  }

  /**
   * Hands every committed record to {@code handler}, at most {@code max}, and returns how many it
   * handed over. Stops early at a record still being written.
   */
  @Override
  public synchronized int drain(Handler handler, int max) {
    if (closed) {
      return 0;
    }
    long cons = (long) LONG.getAcquire(consumerPage, 0L);
    long prod = (long) LONG.getAcquire(producerAndData, 0L);
    long mask = size - 1;
    int handled = 0;
    while (cons < prod && handled < max) {
      long at = cons & mask;
      int len = (int) INT.getAcquire(data, at);
      if ((len & BUSY) != 0) {
        break;
      }
      int recordLen = len & ~(BUSY | DISCARD);
      if ((len & DISCARD) == 0) {
        handler.record(data.asSlice(at + HEADER, recordLen));
        handled++;
      }
      cons += (recordLen + HEADER + 7) & ~7L;
    }
    LONG.setRelease(consumerPage, 0L, cons);
    return handled;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      Libc.munmap(consumerPage, pageSize);
      Libc.munmap(producerAndData, pageSize + 2 * size);
      arena.close();
    }
  }
}
