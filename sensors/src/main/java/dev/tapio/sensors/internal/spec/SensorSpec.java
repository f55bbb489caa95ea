package dev.tapio.sensors.internal.spec;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sensor as data: its name, the BPF object (a resource under {@code dev/tapio/bpf/}) holding
 * every program of its hooks, and the hooks. Every sensor object has the maps of {@code
 * bpf/lib/maps.h}: {@link #RING_MAP}, {@link #DROPS_MAP}, {@link #FILL_MAP}, {@link #CONFIG_MAP}.
 */
public record SensorSpec(String name, String object, List<ProgramSpec> programs) {
  public static final String RING_MAP = "tapio_events";
  public static final String DROPS_MAP = "tapio_drops";
  public static final String THROTTLED_MAP = "tapio_throttled";
  public static final String FILL_MAP = "tapio_fill";
  public static final String CONFIG_MAP = "tapio_config";
  public static final String PERF_MAP = "tapio_perf";

  /** The read-only section holding {@code tapio_use_perf} at offset 0. */
  public static final String CONSTANTS = ".rodata.tapio";

  public SensorSpec {
    programs = List.copyOf(programs);
  }

  /** Every event type this sensor can produce. */
  public Set<String> eventTypes() {
    return programs.stream()
        .flatMap(p -> p.eventTypes().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  public String resource() {
    return "/dev/tapio/bpf/" + object;
  }
}
