package dev.tapio.enrich.internal.flows;

import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.api.event.SocketAddress;
import java.net.InetAddress;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The counters of one flow over the current interval, and the first addresses seen. */
public final class FlowEntry {
  private final @Nullable InetAddress sourceAddress;
  private final @Nullable InetAddress destinationAddress;
  private @Nullable String policy;
  private long connections;
  private long packetsOut;
  private long bytesOut;
  private long packetsIn;
  private long bytesIn;

  /** Dropped packets by reason: a handful of reasons at most, so a small sorted map. */
  private final Map<String, Long> drops = new TreeMap<>();

  public FlowEntry(@Nullable InetAddress sourceAddress, @Nullable InetAddress destinationAddress) {
    this.sourceAddress = sourceAddress;
    this.destinationAddress = destinationAddress;
  }

  /** Adds counts; the latest policy named wins. */
  public void add(
      @Nullable String policy,
      long connections,
      long packetsOut,
      long bytesOut,
      long packetsIn,
      long bytesIn) {
    if (policy != null) {
      this.policy = policy;
    }
    this.connections += connections;
    this.packetsOut += packetsOut;
    this.bytesOut += bytesOut;
    this.packetsIn += packetsIn;
    this.bytesIn += bytesIn;
  }

  /** Counts one packet the kernel dropped for {@code reason}. */
  public void drop(String reason) {
    drops.merge(reason, 1L, Long::sum);
  }

  /** Adds everything {@code other} counted (an evicted flow folded into an overflow bucket). */
  public void add(FlowEntry other) {
    add(null, other.connections, other.packetsOut, other.bytesOut, other.packetsIn, other.bytesIn);
    other.drops.forEach((reason, n) -> drops.merge(reason, n, Long::sum));
  }

  public NetworkFlow toFlow(FlowKey key, long timeNanos) {
    return new NetworkFlow(
        new EventHeader(timeNanos, 0, 0, 0, Namespaces.UNKNOWN),
        key.protocol(),
        new SocketAddress(sourceAddress, 0, null),
        new SocketAddress(destinationAddress, key.destinationPort(), null),
        bytesOut,
        bytesIn,
        packetsOut,
        packetsIn,
        key.verdict(),
        policy,
        connections,
        key.source(),
        key.destination(),
        drops);
  }
}
