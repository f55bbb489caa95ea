package dev.tapio.sensors.internal.spec;

import java.util.List;

/**
 * A map (or read-only section) of a sensor object that Java works with, by its role.
 *
 * @param name the name in the object ({@code bpf/lib/maps.h})
 */
public record MapSpec(String name, Role role) {
  /** What Java does with the map. */
  public enum Role {
    /** Records to user space; sized from the config. */
    RING_BUFFER,
    /** Records to user space on kernels without ring buffers, one buffer per CPU. */
    PERF_BUFFER,
    /** Per-CPU counters of records lost on a full buffer, by record kind. */
    DROPS,
    /** Per-CPU counters of records the per-cgroup rate limit refused, by record kind. */
    THROTTLED,
    /** Per-CPU ring-buffer fill level. */
    FILL,
    /** Settings written before attaching (struct tapio_config). */
    CONFIG,
    /** Read-only constants set before loading (struct tapio_constants). */
    CONSTANTS,
    /** Kernel filter: per open syscall, whether it filters and its modes (bpf/lib/filter.h). */
    FILTER_TYPES,
    /** Kernel filter: exact paths and prefixes, an LPM trie. */
    FILTER_PREFIXES,
    /** Kernel filter: suffixes, reversed, an LPM trie. */
    FILTER_SUFFIXES,
    /** Per-CPU counters of records the kernel filter dropped, by record kind. */
    FILTERED,
    /** Which kernel drop reasons skb:kfree_skb reports, by value (bpf/lib/net.h). */
    DROP_REASONS
  }

  /** The maps every sensor object has, from {@code bpf/lib/maps.h}. */
  public static final List<MapSpec> COMMON =
      List.of(
          new MapSpec("tapio_events", Role.RING_BUFFER),
          new MapSpec("tapio_perf", Role.PERF_BUFFER),
          new MapSpec("tapio_drops", Role.DROPS),
          new MapSpec("tapio_throttled", Role.THROTTLED),
          new MapSpec("tapio_fill", Role.FILL),
          new MapSpec("tapio_config", Role.CONFIG),
          new MapSpec(".rodata.tapio", Role.CONSTANTS));

  /** The socket sensor's wanted drop reasons, from {@code bpf/lib/net.h}. */
  public static final MapSpec DROP_REASONS = new MapSpec("tapio_drop_reasons", Role.DROP_REASONS);

  /** The kernel filter's maps, from {@code bpf/lib/filter.h}: in the file sensor's object. */
  public static final List<MapSpec> FILTER =
      List.of(
          new MapSpec("tapio_filter_types", Role.FILTER_TYPES),
          new MapSpec("tapio_filter_prefix", Role.FILTER_PREFIXES),
          new MapSpec("tapio_filter_suffix", Role.FILTER_SUFFIXES),
          new MapSpec("tapio_filtered", Role.FILTERED));
}
