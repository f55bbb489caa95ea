package dev.tapio.enrich.flows;

import dev.tapio.api.event.NetworkFlow;
import dev.tapio.enrich.flows.FlowEndpoint.Kind;
import dev.tapio.enrich.internal.flows.FlowEntry;
import dev.tapio.enrich.internal.flows.FlowKey;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates network observations into flows per interval, in bounded memory whatever the traffic.
 *
 * <p>A flow is keyed by source workload, destination workload or address, destination port,
 * protocol and verdict ({@link FlowKey}); it counts connections, packets and bytes, and packets the
 * kernel dropped by drop reason. Three things keep the table's size flat under millions of distinct
 * connections, each counted in {@link #metrics()}:
 *
 * <ol>
 *   <li>destination ports in the ephemeral range are counted as port 0;
 *   <li>at most {@code maxExternalAddresses} distinct address-only ends per interval get a flow of
 *       their own; the rest are counted as {@code other-external};
 *   <li>at most {@code maxFlows} flows are kept; a new one past that pushes out the least recently
 *       used, whose counts move to the {@code overflow} bucket of its protocol and verdict, so the
 *       totals stay right.
 * </ol>
 *
 * <p>{@link #flush} returns the interval's flows as {@link NetworkFlow} records and starts the next
 * interval empty. All methods are synchronized: the event path records, an exporter thread flushes.
 */
public final class FlowTable {
  /** The bucket of address-only ends past the interval's budget. */
  public static final String OTHER_EXTERNAL = "other-external";

  /** The bucket of flows pushed out of a full table. */
  public static final String OVERFLOW = "overflow";

  private final int maxFlows;
  private final int maxExternalAddresses;
  private final int ephemeralPortsFrom;
  private final LinkedHashMap<FlowKey, FlowEntry> flows;
  private final Map<FlowKey, FlowEntry> overflow = new HashMap<>();
  private final Set<InetAddress> externalAddresses = new HashSet<>();
  private long observations;
  private long flowsCreated;
  private long ephemeralPortsCollapsed;
  private long externalAddressesCollapsed;
  private long flowsEvicted;
  private long flowsFlushed;

  FlowTable(FlowTableBuilder builder) {
    this.maxFlows = builder.maxFlows;
    this.maxExternalAddresses = builder.maxExternalAddresses;
    this.ephemeralPortsFrom = builder.ephemeralPortsFrom;
    this.flows = new LinkedHashMap<>(Math.min(maxFlows, 1 << 16) * 4 / 3 + 1, 0.75f, true);
  }

  public static FlowTableBuilder builder() {
    return new FlowTableBuilder();
  }

  /** Counts {@code observation} into its flow. Never blocks on anything but a running flush. */
  public synchronized void record(FlowObservation observation) {
    observations++;
    int port = observation.destinationPort();
    if (port >= ephemeralPortsFrom) {
      port = 0;
      ephemeralPortsCollapsed++;
    }
    FlowEndpoint source = observation.source();
    FlowEndpoint destination = observation.destination();
    boolean sourceKept = keepsAddress(source);
    boolean destinationKept = keepsAddress(destination);
    if (!sourceKept || !destinationKept) {
      externalAddressesCollapsed++;
    }
    FlowKey key =
        new FlowKey(
            sourceKept ? source.name() : OTHER_EXTERNAL,
            destinationKept ? destination.name() : OTHER_EXTERNAL,
            port,
            observation.protocol(),
            observation.verdict());
    FlowEntry entry = flows.get(key);
    if (entry == null) {
      entry =
          new FlowEntry(
              sourceKept ? source.address() : null, destinationKept ? destination.address() : null);
      admit(key, entry);
    }
    entry.add(
        observation.policy(),
        observation.connections(),
        observation.packetsOut(),
        observation.bytesOut(),
        observation.packetsIn(),
        observation.bytesIn());
    String dropReason = observation.dropReason();
    if (dropReason != null) {
      entry.drop(dropReason);
    }
  }

  /**
   * Whether an address-only end gets its own flow: it is known this interval or fits the budget.
   */
  private boolean keepsAddress(FlowEndpoint end) {
    if (end.kind() != Kind.ADDRESS) {
      return true;
    }
    InetAddress address = end.address();
    if (address == null || externalAddresses.contains(address)) {
      return true;
    }
    if (externalAddresses.size() < maxExternalAddresses) {
      externalAddresses.add(address);
      return true;
    }
    return false;
  }

  private void admit(FlowKey key, FlowEntry entry) {
    if (flows.size() >= maxFlows) {
      var eldest = flows.entrySet().iterator().next();
      FlowKey old = eldest.getKey();
      overflow
          .computeIfAbsent(
              new FlowKey(OVERFLOW, OVERFLOW, 0, old.protocol(), old.verdict()),
              k -> new FlowEntry(null, null))
          .add(eldest.getValue());
      flows.remove(old);
      flowsEvicted++;
    }
    flows.put(key, entry);
    flowsCreated++;
  }

  /**
   * The interval's flows, most recently used last, then the overflow buckets; the table starts the
   * next interval empty (the external address budget too).
   *
   * @param timeNanos the interval's end, wall-clock nanoseconds since the epoch (the flows' header
   *     time)
   */
  public synchronized List<NetworkFlow> flush(long timeNanos) {
    List<NetworkFlow> out = new ArrayList<>(flows.size() + overflow.size());
    flows.forEach((key, entry) -> out.add(entry.toFlow(key, timeNanos)));
    overflow.forEach((key, entry) -> out.add(entry.toFlow(key, timeNanos)));
    flows.clear();
    overflow.clear();
    externalAddresses.clear();
    flowsFlushed += out.size();
    return out;
  }

  /** Flows in the table now (overflow buckets not included). */
  public synchronized int size() {
    return flows.size();
  }

  public synchronized FlowTableMetrics metrics() {
    return new FlowTableMetrics(
        observations,
        flowsCreated,
        ephemeralPortsCollapsed,
        externalAddressesCollapsed,
        flowsEvicted,
        flowsFlushed,
        flows.size());
  }

  /** The settings, for status lines: {@code maxFlows=16384 maxExternalAddresses=1024 ...}. */
  @Override
  public String toString() {
    return "FlowTable[maxFlows="
        + maxFlows
        + ", maxExternalAddresses="
        + maxExternalAddresses
        + ", ephemeralPortsFrom="
        + ephemeralPortsFrom
        + "]";
  }
}
