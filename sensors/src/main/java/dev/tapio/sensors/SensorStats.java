package dev.tapio.sensors;

import java.util.Map;

/**
 * Counters of one sensor since start.
 *
 * @param received records read from the ring buffer
 * @param dropped records the kernel could not write because the ring buffer was full, by record
 *     kind ({@code exec}, {@code fork}, {@code exit}, {@code open})
 * @param throttled records the per-cgroup rate limit refused, by record kind
 * @param filtered records the kernel filter dropped because no loaded rule could match them, by
 *     record kind
 * @param skipped records lost because the kernel skipped one of the sensor's programs while another
 *     BPF program ran on the same CPU (its {@code recursion_misses}, summed over the programs); 0
 *     where the kernel does not count them (before 5.12)
 * @param decodeErrors records that could not be decoded
 * @param sinkErrors events the sink threw on
 * @param ringPending bytes waiting in the ring buffer now
 * @param ringHighWater most bytes the kernel ever saw waiting
 * @param ringCapacity the ring buffer's size
 */
public record SensorStats(
    String sensor,
    long received,
    Map<String, Long> dropped,
    Map<String, Long> throttled,
    Map<String, Long> filtered,
    long skipped,
    long decodeErrors,
    long sinkErrors,
    long ringPending,
    long ringHighWater,
    long ringCapacity) {
  public SensorStats {
    dropped = Map.copyOf(dropped);
    throttled = Map.copyOf(throttled);
    filtered = Map.copyOf(filtered);
  }

  /**
   * The key under which {@link SensorSet#dropCounters()} counts records the kernel skipped, beside
   * the record kinds lost to full ring buffers.
   */
  public static final String RECURSION = "recursion";

  public long droppedTotal() {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }
}
