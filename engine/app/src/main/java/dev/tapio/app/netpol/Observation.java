package dev.tapio.app.netpol;

import dev.tapio.enrich.netpol.Connection;
import java.net.InetAddress;

/**
 * A connection seen between two ends, by protocol and the responder's port.
 *
 * @param source the initiator
 * @param destination the responder
 */
public record Observation(Connection.Protocol protocol, Peer source, Peer destination, int port) {

  /** One end: a workload's pod, or an address no known pod has. */
  public sealed interface Peer {
    /** A pod of {@code workload}. */
    record Pod(Workload workload) implements Peer {}

    /** An address outside the known pods (another node, outside the cluster). */
    record Address(InetAddress address) implements Peer {}
  }
}
