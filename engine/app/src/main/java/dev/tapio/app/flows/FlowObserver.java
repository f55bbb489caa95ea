package dev.tapio.app.flows;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PolicyVerdict;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.TcpTraffic;
import dev.tapio.app.netpol.PolicyJudge;
import dev.tapio.enrich.flows.FlowEndpoint;
import dev.tapio.enrich.flows.FlowObservation;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which socket events count into flows, and who their ends are. A connect that succeeded (at once
 * or, when it returned {@code EINPROGRESS}, as {@code connect_async}) and the first datagram a task
 * sends open a flow from the task's workload to the peer's address and port; an accept and the
 * first datagram a task receives open one from the peer's address to the task's workload and its
 * own port. The close of a TCP connection adds what it carried (bytes and packets, counted from the
 * source's side) to the same flow without opening another. A packet the kernel dropped counts, by
 * its reason, into the flow it belongs to (from its source to its destination), opening no
 * connection. Failed calls and non-IP sockets count nothing. The flow's verdict and deciding policy
 * are the event's own ({@link EnrichedEvent#netpol()}, given by the pipeline's {@code
 * PolicyJudge}); empty when it has none.
 */
final class FlowObserver {
  /** The event types flow telemetry needs the sensors to deliver. */
  static final Set<String> EVENT_TYPES =
      Set.of(
          "connect", "connect_async", "accept", "accept4", "sendto", "recvfrom", "close", "drop");

  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  Optional<FlowObservation> observe(EnrichedEvent e) {
    if (!(e.event() instanceof NetworkEvent n)
        || (n.family() != AF_INET && n.family() != AF_INET6)
        || n.result() < 0) {
      return Optional.empty();
    }
    InetAddress peer = address(n.remote());
    if (peer == null) {
      return Optional.empty();
    }
    TcpTraffic traffic = n.traffic();
    PacketDrop drop = n.drop();
    boolean outbound;
    switch (n.type()) {
      case "drop" -> {
        if (drop == null) {
          return Optional.empty();
        }
        outbound = drop.outbound();
      }
      case "connect", "connect_async", "sendto" -> outbound = true;
      case "accept", "accept4", "recvfrom" -> outbound = false;
      case "close" -> {
        if (traffic == null) {
          return Optional.empty();
        }
        outbound = traffic.outbound();
      }
      default -> {
        return Optional.empty();
      }
    }
    FlowEndpoint self = self(e, address(n.local()));
    FlowEndpoint other = FlowEndpoint.address(peer);
    FlowEndpoint source = outbound ? self : other;
    FlowEndpoint destination = outbound ? other : self;
    SocketAddress at = outbound ? n.remote() : n.local();
    int port = at == null ? 0 : at.port();
    PolicyVerdict verdict = e.netpol();
    String decision = PolicyJudge.flowLabel(verdict);
    String policy =
        verdict == null || verdict.policies().isEmpty() ? null : verdict.policies().getFirst();
    if (drop != null) {
      return Optional.of(
          FlowObservation.drop(
              source, destination, port, n.protocol(), decision, policy, drop.reason()));
    }
    if (traffic == null) {
      return Optional.of(
          FlowObservation.connection(source, destination, port, n.protocol(), decision, policy));
    }
    // The server's end received what the client sent: "out" is always source to destination.
    return Optional.of(
        new FlowObservation(
            source,
            destination,
            port,
            n.protocol(),
            decision,
            policy,
            0,
            outbound ? traffic.packetsOut() : traffic.packetsIn(),
            outbound ? traffic.bytesOut() : traffic.bytesIn(),
            outbound ? traffic.packetsIn() : traffic.packetsOut(),
            outbound ? traffic.bytesIn() : traffic.bytesOut()));
  }

  /** The task's end: its pod's workload, else its container, else its process name. */
  private static FlowEndpoint self(EnrichedEvent e, @Nullable InetAddress local) {
    if (e.pod() != null) {
      return FlowEndpoint.pod(e.pod(), local);
    }
    ContainerInfo container = e.container();
    if (!container.isHost() && !container.name().isEmpty()) {
      return FlowEndpoint.container(container.name(), local);
    }
    return FlowEndpoint.process(e.process().name(), local);
  }

  private static @Nullable InetAddress address(@Nullable SocketAddress a) {
    return a == null ? null : a.address();
  }
}
