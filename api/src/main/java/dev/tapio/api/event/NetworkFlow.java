package dev.tapio.api.event;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An aggregated network flow between two endpoints over an interval.
 *
 * @param header the interval's end; pid, tid and cgroup are zero (many processes contribute)
 * @param protocol L4 protocol number
 * @param source a representative address of the source (the first one seen), port 0; the address is
 *     null for an aggregate of many
 * @param destination a representative address of the destination with the destination port (0 for
 *     collapsed ephemeral ports); the address is null for an aggregate of many
 * @param verdict what network policy decided, {@code allowed}, {@code denied} or {@code no-policy},
 *     or empty when not evaluated
 * @param policy the NetworkPolicy that decided, if known
 * @param connections connections (or first datagrams) opened in the interval
 * @param sourceWorkload who opened them: {@code Deployment:shop/web}, {@code Pod:shop/web-0},
 *     {@code process:curl}, an address, or an overflow bucket; empty when not known
 * @param destinationWorkload the same for the destination
 * @param drops packets of the flow the kernel dropped in the interval, by drop reason ({@code
 *     NO_SOCKET}, {@code NETFILTER_DROP}…); empty when none
 */
public record NetworkFlow(
    EventHeader header,
    int protocol,
    SocketAddress source,
    SocketAddress destination,
    long bytesOut,
    long bytesIn,
    long packetsOut,
    long packetsIn,
    String verdict,
    @Nullable String policy,
    long connections,
    String sourceWorkload,
    String destinationWorkload,
    Map<String, Long> drops)
    implements Event {

  public NetworkFlow {
    drops = Map.copyOf(drops);
  }

  /** A flow without dropped packets. */
  public NetworkFlow(
      EventHeader header,
      int protocol,
      SocketAddress source,
      SocketAddress destination,
      long bytesOut,
      long bytesIn,
      long packetsOut,
      long packetsIn,
      String verdict,
      @Nullable String policy,
      long connections,
      String sourceWorkload,
      String destinationWorkload) {
    this(
        header,
        protocol,
        source,
        destination,
        bytesOut,
        bytesIn,
        packetsOut,
        packetsIn,
        verdict,
        policy,
        connections,
        sourceWorkload,
        destinationWorkload,
        Map.of());
  }

  /** Packets the kernel dropped, over every reason. */
  public long droppedPackets() {
    return drops.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A flow known by its addresses only: no connection count, no workloads. */
  public NetworkFlow(
      EventHeader header,
      int protocol,
      SocketAddress source,
      SocketAddress destination,
      long bytesOut,
      long bytesIn,
      long packetsOut,
      long packetsIn,
      String verdict,
      @Nullable String policy) {
    this(
        header,
        protocol,
        source,
        destination,
        bytesOut,
        bytesIn,
        packetsOut,
        packetsIn,
        verdict,
        policy,
        0,
        "",
        "");
  }

  @Override
  public String type() {
    return "flow";
  }
}
