package dev.tapio.enrich.internal.netpol;

import dev.tapio.enrich.netpol.Connection.Protocol;
import org.jspecify.annotations.Nullable;

/** The compiled parts of a NetworkPolicy rule: peers and ports. */
final class Rules {
  private Rules() {}

  /**
   * One ingress or egress rule: traffic must match one of the peers and one of the ports. An empty
   * peer list matches every peer, an empty port list every port (as a missing one does).
   */
  record Rule(Peer[] peers, PortMatch[] ports) {
    boolean matches(
        @Nullable PodEntry remotePod,
        Ip remoteIp,
        Protocol protocol,
        int port,
        @Nullable PodEntry destinationPod) {
      return matchesPort(protocol, port, destinationPod) && matchesPeer(remotePod, remoteIp);
    }

    private boolean matchesPeer(@Nullable PodEntry remotePod, Ip remoteIp) {
      if (peers.length == 0) {
        return true;
      }
      for (Peer peer : peers) {
        if (peer.matches(remotePod, remoteIp)) {
          return true;
        }
      }
      return false;
    }

    private boolean matchesPort(Protocol protocol, int port, @Nullable PodEntry destinationPod) {
      if (ports.length == 0) {
        return true;
      }
      for (PortMatch match : ports) {
        if (match.matches(protocol, port, destinationPod)) {
          return true;
        }
      }
      return false;
    }
  }

  /** One entry of {@code from} or {@code to}. */
  sealed interface Peer {
    boolean matches(@Nullable PodEntry remotePod, Ip remoteIp);
  }

  /**
   * A {@code podSelector} and/or {@code namespaceSelector} peer. Both present: pods matching the
   * first in namespaces matching the second; only pods: in the policy's namespace; only namespaces:
   * every pod there. It matches pods only; host-network pods, nodes and the outside world are
   * reachable through ipBlock alone.
   */
  record PodPeer(@Nullable Selector pods, @Nullable Selector namespaces, String policyNamespace)
      implements Peer {
    @Override
    public boolean matches(@Nullable PodEntry remotePod, Ip remoteIp) {
      if (remotePod == null) {
        return false;
      }
      boolean inNamespace =
          namespaces == null
              ? remotePod.namespace().equals(policyNamespace)
              : namespaces.matches(remotePod.namespaceLabels());
      return inNamespace && (pods == null || pods.matches(remotePod.labels()));
    }
  }

  /** An {@code ipBlock}: inside {@code cidr} and inside none of {@code except}. */
  record IpBlockPeer(Cidr cidr, Cidr[] except) implements Peer {
    @Override
    public boolean matches(@Nullable PodEntry remotePod, Ip remoteIp) {
      if (!cidr.contains(remoteIp)) {
        return false;
      }
      for (Cidr excluded : except) {
        if (excluded.contains(remoteIp)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A peer that cannot match: empty, or an ipBlock whose CIDR does not parse. */
  record NoPeer() implements Peer {
    @Override
    public boolean matches(@Nullable PodEntry remotePod, Ip remoteIp) {
      return false;
    }
  }

  /**
   * One entry of {@code ports}: a protocol and a port range ({@code port}..{@code endPort}; all
   * ports when {@code port} is unset), or a named port resolved against the destination pod's
   * container ports of the same protocol.
   */
  record PortMatch(@Nullable Protocol protocol, int from, int to, @Nullable String name) {
    static final int ANY = -1;

    boolean matches(Protocol actual, int port, @Nullable PodEntry destinationPod) {
      if (actual != protocol) {
        return false;
      }
      if (name != null) {
        return destinationPod != null && destinationPod.namedPort(name, actual) == port;
      }
      return from == ANY || (port >= from && port <= to);
    }
  }
}
