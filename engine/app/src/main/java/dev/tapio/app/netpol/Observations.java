package dev.tapio.app.netpol;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.app.netpol.Observation.Peer;
import dev.tapio.enrich.netpol.ClusterServices;
import dev.tapio.enrich.netpol.Connection;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The connections of a recording ({@code tapio record}) as observations between workloads. The
 * recording's own events say which pod each local end is; a peer's address is a pod when an event
 * of that pod (on this node) or one of {@code pods} (the cluster's, from the API or a file) has it,
 * and an address otherwise. A connection to a Service's ClusterIP is one to a pod behind it, on its
 * target port, when {@code services} know the Service (a policy allows the pod, never the
 * ClusterIP). Connections that failed, and those with no pod at either end, are left out: policies
 * say nothing about them.
 */
public final class Observations {
  private final Map<InetAddress, Workload> byAddress = new HashMap<>();
  private final ClusterServices services;

  /**
   * One workload per namespace and selector, named as the recording names it when it does (its
   * pods' owners are known there), so pods seen through both are one workload.
   */
  private final Map<List<Object>, Workload> canonical = new HashMap<>();

  private Observations(Collection<Pod> pods, ClusterServices services, List<EnrichedEvent> events) {
    this.services = services;
    for (EnrichedEvent e : events) {
      if (e.pod() != null) {
        canonical(Workload.of(e.pod()));
      }
    }
    for (Pod pod : pods) {
      boolean hostNetwork =
          pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
      if (hostNetwork || pod.getStatus() == null) {
        continue;
      }
      Workload w = canonical(Workload.of(pod));
      Set<String> ips = new LinkedHashSet<>();
      if (pod.getStatus().getPodIP() != null) {
        ips.add(pod.getStatus().getPodIP());
      }
      if (pod.getStatus().getPodIPs() != null) {
        pod.getStatus().getPodIPs().stream().map(PodIP::getIp).forEach(ips::add);
      }
      ips.forEach(ip -> byAddress.put(InetAddress.ofLiteral(ip), w));
    }
    for (EnrichedEvent e : events) {
      PodInfo pod = e.pod();
      if (pod == null) {
        continue;
      }
      Workload w = canonical(Workload.of(pod));
      if (pod.ip() != null) {
        byAddress.put(InetAddress.ofLiteral(pod.ip()), w);
      }
      InetAddress local = e.event() instanceof NetworkEvent n ? address(n.local()) : null;
      if (local != null && !local.isAnyLocalAddress() && !local.isLoopbackAddress()) {
        byAddress.put(local, w);
      }
    }
  }

  /** The observations in {@code events}, with {@code pods} to tell peers' addresses apart. */
  public static Set<Observation> of(List<EnrichedEvent> events, Collection<Pod> pods) {
    return of(events, pods, ClusterServices.EMPTY);
  }

  /** The same, with connections to {@code services}' ClusterIPs taken as to their pods. */
  public static Set<Observation> of(
      List<EnrichedEvent> events, Collection<Pod> pods, ClusterServices services) {
    Observations known = new Observations(pods, services, events);
    Set<Observation> out = new LinkedHashSet<>();
    for (EnrichedEvent e : events) {
      known.observe(e).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Observation> observe(EnrichedEvent e) {
    if (!(e.event() instanceof NetworkEvent n) || n.result() < 0) {
      return Optional.empty();
    }
    Optional<Connection> connection = PolicyJudge.connection(e);
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    Connection c = services.resolve(connection.get());
    if (c.source().isLoopbackAddress() || c.destination().isLoopbackAddress()) {
      return Optional.empty();
    }
    boolean outbound = c.direction() == Connection.Direction.OUTBOUND;
    Peer self =
        e.pod() != null
            ? new Peer.Pod(Workload.of(e.pod()))
            : peer(outbound ? c.source() : c.destination());
    Peer other = peer(outbound ? c.destination() : c.source());
    if (self instanceof Peer.Address && other instanceof Peer.Address) {
      return Optional.empty();
    }
    return Optional.of(
        new Observation(
            c.protocol(), outbound ? self : other, outbound ? other : self, c.destinationPort()));
  }

  private Workload canonical(Workload w) {
    return canonical.computeIfAbsent(List.of(w.namespace(), w.selector()), k -> w);
  }

  private Peer peer(InetAddress address) {
    Workload w = byAddress.get(address);
    return w == null ? new Peer.Address(address) : new Peer.Pod(w);
  }

  private static @Nullable InetAddress address(@Nullable SocketAddress a) {
    return a == null ? null : a.address();
  }
}
