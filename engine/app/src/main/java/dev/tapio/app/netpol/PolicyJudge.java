package dev.tapio.app.netpol;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.PolicyVerdict;
import dev.tapio.api.context.PolicyVerdict.Reason;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.enrich.netpol.Connection;
import dev.tapio.enrich.netpol.Decision;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.enrich.netpol.PolicyRef;
import dev.tapio.enrich.netpol.Verdict;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Gives each event that opens a connection the NetworkPolicy verdict on it, once, before the rules
 * match and the flows count it: a connect (at once or as {@code connect_async}), an accept, and the
 * first datagram a task sends or receives, on an IP socket with a peer address, and the close of a
 * TCP connection (so what it carried counts into the same flow). The initiator's egress and the
 * responder's ingress are judged, whichever end this task is. Without a policy view (no Kubernetes
 * API) the verdict is {@link PolicyVerdict#UNKNOWN}.
 */
public final class PolicyJudge {
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  private final @Nullable NetworkPolicies policies;

  /**
   * @param policies the cluster's policies, or null when there is no Kubernetes API
   */
  public PolicyJudge(@Nullable NetworkPolicies policies) {
    this.policies = policies;
  }

  /** {@code e} with its verdict when it opens a connection; {@code e} itself otherwise. */
  public EnrichedEvent judge(EnrichedEvent e) {
    return connection(e).map(c -> e.withNetpol(verdict(c))).orElse(e);
  }

  /** What the policies say about {@code c}. */
  public PolicyVerdict verdict(Connection c) {
    NetworkPolicies view = policies;
    return view == null ? PolicyVerdict.UNKNOWN : translate(view.evaluate(c));
  }

  /**
   * The connection {@code e} opens, as policies see it: initiator to responder. Empty for events
   * that open none, and for protocols policies do not cover.
   */
  public static Optional<Connection> connection(EnrichedEvent e) {
    if (!(e.event() instanceof NetworkEvent n)
        || (n.family() != AF_INET && n.family() != AF_INET6)) {
      return Optional.empty();
    }
    boolean outbound;
    switch (n.type()) {
      case "connect", "connect_async", "sendto" -> outbound = true;
      case "accept", "accept4", "recvfrom" -> outbound = false;
      case "close" -> {
        if (n.traffic() == null) {
          return Optional.empty();
        }
        outbound = n.traffic().outbound();
      }
      default -> {
        return Optional.empty();
      }
    }
    Connection.Protocol protocol = Connection.Protocol.ofNumber(n.protocol());
    SocketAddress local = n.local();
    SocketAddress remote = n.remote();
    InetAddress self = local == null ? null : local.address();
    InetAddress peer = remote == null ? null : remote.address();
    if (protocol == null || local == null || remote == null || self == null || peer == null) {
      return Optional.empty();
    }
    PodInfo pod = e.pod();
    String podIp = pod == null ? null : pod.ip();
    if (self.isAnyLocalAddress() && podIp != null) {
      // an unconnected UDP socket sends from the wildcard address: the pod's own address it is
      self = InetAddress.ofLiteral(podIp);
    }
    return Optional.of(
        outbound
            ? Connection.outbound(protocol, self, local.port(), peer, remote.port())
            : Connection.inbound(protocol, self, local.port(), peer, remote.port()));
  }

  /** The evaluator's verdict in the words of the rules. */
  static PolicyVerdict translate(Verdict v) {
    if (v.decision() == Decision.NO_POLICY) {
      return PolicyVerdict.NO_POLICY;
    }
    boolean egressDenied = v.egress().decision() == Decision.DENIED;
    boolean ingressDenied = v.ingress().decision() == Decision.DENIED;
    Decision wanted = v.decision();
    List<String> policies = new ArrayList<>(2);
    add(policies, v.egress(), wanted);
    add(policies, v.ingress(), wanted);
    Reason reason =
        egressDenied && ingressDenied
            ? Reason.EGRESS_AND_INGRESS_DENIED
            : egressDenied
                ? Reason.EGRESS_DENIED
                : ingressDenied ? Reason.INGRESS_DENIED : Reason.ALLOWED_BY_POLICY;
    return PolicyVerdict.of(reason, policies);
  }

  private static void add(List<String> out, Verdict.Side side, Decision wanted) {
    PolicyRef ref = side.policy();
    if (side.decision() == wanted && ref != null && !out.contains(ref.toString())) {
      out.add(ref.toString());
    }
  }

  /** The label flows carry for {@code v}: allowed, denied, no-policy, or empty when unknown. */
  public static String flowLabel(@Nullable PolicyVerdict v) {
    if (v == null || v.verdict() == PolicyVerdict.Verdict.UNKNOWN) {
      return "";
    }
    return v.reason() == Reason.NO_POLICY ? Decision.NO_POLICY.label() : v.verdict().label();
  }
}
