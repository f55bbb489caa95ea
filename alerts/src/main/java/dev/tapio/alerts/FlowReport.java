package dev.tapio.alerts;

import dev.tapio.api.event.NetworkFlow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interval of flow telemetry: the flows aggregated from {@code startNanos} to {@code endNanos}
 * (wall-clock nanoseconds since the epoch), and the aggregating table's counters at its end.
 *
 * @param counters what the table did since it started, by name ({@code evicted}, {@code
 *     ephemeralPortsCollapsed}, ...), in the order they are reported
 */
public record FlowReport(
    long startNanos, long endNanos, List<NetworkFlow> flows, Map<String, Long> counters) {

  public FlowReport {
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("an interval cannot end before it starts");
    }
    flows = List.copyOf(flows);
    counters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
  }
}
