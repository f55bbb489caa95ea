package dev.tapio.sensors.internal.spec;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sensor as data: its name, the BPF object (a resource under {@code dev/tapio/bpf/}) holding
 * every program of its hooks, the hooks, and the maps Java uses.
 */
public record SensorSpec(
    String name, String object, List<ProgramSpec> programs, List<MapSpec> maps) {
  public SensorSpec {
    programs = List.copyOf(programs);
    maps = List.copyOf(maps);
  }

  /** The name of the map with this role. */
  public String map(MapSpec.Role role) {
    return maps.stream()
        .filter(m -> m.role() == role)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " has no " + role + " map"))
        .name();
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
