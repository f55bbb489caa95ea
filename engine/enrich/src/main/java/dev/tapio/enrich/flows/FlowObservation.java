package dev.tapio.enrich.flows;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What was seen of one connection (or of its traffic since the last observation): its ends, the
 * destination port and protocol, the policy verdict, and counts.
 *
 * @param protocol the IP protocol number (6 TCP, 17 UDP, 132 SCTP)
 * @param verdict {@code allowed}, {@code denied}, {@code no-policy}, or empty when not evaluated
 * @param policy the deciding NetworkPolicy ({@code namespace/name}), if any
 * @param connections connections opened (1 for a connect or accept, 0 for traffic on a known one)
 * @param dropReason for a packet the kernel dropped, why ({@code NO_SOCKET}…); null otherwise
 */
public record FlowObservation(
    FlowEndpoint source,
    FlowEndpoint destination,
    int destinationPort,
    int protocol,
    String verdict,
    @Nullable String policy,
    long connections,
    long packetsOut,
    long bytesOut,
    long packetsIn,
    long bytesIn,
    @Nullable String dropReason) {

  public FlowObservation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(verdict, "verdict");
    if (destinationPort < 0 || destinationPort > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + destinationPort);
    }
    if ((connections | packetsOut | bytesOut | packetsIn | bytesIn) < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Connections or traffic, nothing dropped. */
  public FlowObservation(
      FlowEndpoint source,
      FlowEndpoint destination,
      int destinationPort,
      int protocol,
      String verdict,
      @Nullable String policy,
      long connections,
      long packetsOut,
      long bytesOut,
      long packetsIn,
      long bytesIn) {
    this(
        source,
        destination,
        destinationPort,
        protocol,
        verdict,
        policy,
        connections,
        packetsOut,
        bytesOut,
        packetsIn,
        bytesIn,
        null);
  }

  /** One packet the kernel dropped, for {@code reason}; no connection. */
  public static FlowObservation drop(
      FlowEndpoint source,
      FlowEndpoint destination,
      int destinationPort,
      int protocol,
      String verdict,
      @Nullable String policy,
      String reason) {
    return new FlowObservation(
        source, destination, destinationPort, protocol, verdict, policy, 0, 0, 0, 0, 0, reason);
  }

  /** One new connection, no traffic counted yet. */
  public static FlowObservation connection(
      FlowEndpoint source,
      FlowEndpoint destination,
      int destinationPort,
      int protocol,
      String verdict,
      @Nullable String policy) {
    return new FlowObservation(
        source, destination, destinationPort, protocol, verdict, policy, 1, 0, 0, 0, 0);
  }
}
