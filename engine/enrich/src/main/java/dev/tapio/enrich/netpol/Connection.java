package dev.tapio.enrich.netpol;

import java.net.InetAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A connection (or, for UDP and SCTP, a first datagram) from its initiator to its responder, as
 * NetworkPolicies see it: the initiator's egress and the responder's ingress are checked; replies
 * ride on the connection. The verdict depends only on the two ends, not on which of them is on this
 * node; {@link #direction} records that for the flows.
 *
 * @param direction which end is on this node
 */
public record Connection(
    Protocol protocol,
    InetAddress source,
    int sourcePort,
    InetAddress destination,
    int destinationPort,
    Direction direction) {

  public Connection {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    checkPort(sourcePort);
    checkPort(destinationPort);
  }

  /** A local process connected out to {@code remote} (connect, sendto). */
  public static Connection outbound(
      Protocol protocol, InetAddress local, int localPort, InetAddress remote, int remotePort) {
    return new Connection(protocol, local, localPort, remote, remotePort, Direction.OUTBOUND);
  }

  /** {@code remote} connected to a local process (accept, recvfrom). */
  public static Connection inbound(
      Protocol protocol, InetAddress local, int localPort, InetAddress remote, int remotePort) {
    return new Connection(protocol, remote, remotePort, local, localPort, Direction.INBOUND);
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
  }

  /** The L4 protocols NetworkPolicies know. */
  public enum Protocol {
    TCP(6),
    UDP(17),
    SCTP(132);

    private final int number;

    Protocol(int number) {
      this.number = number;
    }

    /** The IP protocol number. */
    public int number() {
      return number;
    }

    /** The protocol with IP protocol {@code number}, or null for one policies do not cover. */
    public static @Nullable Protocol ofNumber(int number) {
      return switch (number) {
        case 6 -> TCP;
        case 17 -> UDP;
        case 132 -> SCTP;
        default -> null;
      };
    }

    /** The protocol Kubernetes spells {@code name} ({@code TCP}, {@code UDP}, {@code SCTP}). */
    public static @Nullable Protocol ofName(String name) {
      for (Protocol protocol : values()) {
        if (protocol.name().equals(name)) {
          return protocol;
        }
      }
      return null;
    }
  }

  /** Which end of the connection is on this node. */
  public enum Direction {
    /** The source (initiator) is local. */
    OUTBOUND,
    /** The destination (responder) is local. */
    INBOUND
  }
}
