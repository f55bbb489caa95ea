package dev.tapio.sensors.internal.load;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.ffm.ProgramInfo;
import dev.tapio.sensors.internal.ffm.RecordSource;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One sensor after start: its load result, its ring reader, and the counters the polling thread
 * keeps. Closing detaches the programs, unmaps the ring and frees the object, in that order.
 */
public final class RunningSensor implements AutoCloseable {
  private final String name;
  private final LoadResult result;
  private final @Nullable RecordSource ring;
  final AtomicLong received = new AtomicLong();
  final AtomicLong decodeErrors = new AtomicLong();
  final AtomicLong sinkErrors = new AtomicLong();
  final AtomicLong filtered = new AtomicLong();

  public RunningSensor(String name, LoadResult result, @Nullable RecordSource ring) {
    this.name = name;
    this.result = result;
    this.ring = ring;
  }

  public String name() {
    return name;
  }

  public SourceStatus status() {
    return result.status();
  }

  public LoadResult result() {
    return result;
  }

  public @Nullable RecordSource ring() {
    return ring;
  }

  public long received() {
    return received.get();
  }

  public long decodeErrors() {
    return decodeErrors.get();
  }

  public long sinkErrors() {
    return sinkErrors.get();
  }

  /** Drops per record kind, or zeros when nothing is loaded. */
  public long[] drops() {
    Backend.Loaded loaded = result.loaded();
    try {
      return loaded == null ? new long[0] : loaded.drops();
    } catch (BpfException e) {
      return new long[0];
    }
  }

  /**
   * Records lost because the kernel skipped one of the sensor's programs while another BPF program
   * ran on the same CPU (the programs' {@code recursion_misses}, summed); empty where the kernel
   * does not count them (before 5.12), nothing is loaded, or they cannot be read.
   */
  public OptionalLong skipped() {
    Backend.Loaded loaded = result.loaded();
    try {
      return loaded == null ? OptionalLong.empty() : skipped(loaded.programCounts().values());
    } catch (BpfException e) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong skipped(Collection<ProgramInfo.Counts> counts) {
    long sum = 0;
    boolean counted = false;
    for (ProgramInfo.Counts c : counts) {
      if (c.recursionMisses().isPresent()) {
        counted = true;
        sum += c.recursionMisses().getAsLong();
      }
    }
    return counted ? OptionalLong.of(sum) : OptionalLong.empty();
  }

  /** Records the kernel filter dropped per record kind, or zeros when nothing is loaded. */
  public long[] filtered() {
    Backend.Loaded loaded = result.loaded();
    try {
      return loaded == null ? new long[0] : loaded.filtered();
    } catch (BpfException e) {
      return new long[0];
    }
  }

  /** Records throttled per record kind, or zeros when nothing is loaded. */
  public long[] throttled() {
    Backend.Loaded loaded = result.loaded();
    try {
      return loaded == null ? new long[0] : loaded.throttled();
    } catch (BpfException e) {
      return new long[0];
    }
  }

  /** {@code {last, high}} bytes waiting as the kernel saw them. */
  public long[] fill() {
    Backend.Loaded loaded = result.loaded();
    try {
      return loaded == null ? new long[2] : loaded.fill();
    } catch (BpfException e) {
      return new long[2];
    }
  }

  @Override
  public void close() {
    SensorLoader.closeAll(result.links());
    if (ring != null) {
      ring.close();
    }
    Backend.Loaded loaded = result.loaded();
    if (loaded != null) {
      loaded.close();
    }
  }
}
