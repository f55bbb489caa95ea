package dev.tapio.sensors.internal.ffm;

import java.lang.foreign.MemorySegment;
import java.util.List;

/** Where a sensor's records arrive: its ring buffer, or its per-CPU perf buffers. */
public sealed interface RecordSource extends AutoCloseable permits RingReader, PerfReader {
  /** Receives one record; the segment is only valid during the call. */
  @FunctionalInterface
  interface Handler {
    void record(MemorySegment record);
  }

  /** Descriptors that poll(2) reports readable when records wait. */
  List<Integer> pollFds();

  /** Hands up to {@code max} waiting records to {@code handler}; returns how many. */
  int drain(Handler handler, int max);

  /** Bytes waiting now. */
  long pending();

  /** Bytes the buffer holds (per CPU for perf buffers). */
  long capacity();

  @Override
  void close();
}
