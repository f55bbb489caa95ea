package dev.tapio.enrich.internal.netpol;

import dev.tapio.enrich.internal.netpol.PodEntry.NamedPort;
import dev.tapio.enrich.internal.netpol.Rules.Rule;
import dev.tapio.enrich.netpol.ClusterServices;
import dev.tapio.enrich.netpol.Connection;
import dev.tapio.enrich.netpol.Connection.Protocol;
import dev.tapio.enrich.netpol.Verdict;
import dev.tapio.enrich.netpol.Verdict.Side;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable view of the cluster for policy evaluation: pods by every IP they have (both families
 * on dual-stack clusters), each with the policies that isolate it found in advance. Evaluating a
 * connection is two hash lookups and a walk over the isolating policies' rules; it allocates the
 * verdict and, when an ipBlock is consulted, the address bits.
 *
 * <p>Host-network pods are not indexed: their IP is their node's, policies never select them, and
 * traffic from them is traffic from the node (matched by ipBlock only). Pods that finished
 * (Succeeded, Failed) are skipped, since their IPs may already belong to a new pod.
 */
public final class PolicySnapshot {
  /** Nothing known: every connection is no-policy. */
  public static final PolicySnapshot EMPTY = build(List.of(), List.of(), List.of());

  private static final CompiledPolicy[] NO_POLICIES = new CompiledPolicy[0];

  private final Map<InetAddress, PodEntry> podsByIp;
  private final ClusterServices services;
  private final int pods;
  private final int policies;

  private PolicySnapshot(
      Map<InetAddress, PodEntry> podsByIp, ClusterServices services, int pods, int policies) {
    this.podsByIp = podsByIp;
    this.services = services;
    this.pods = pods;
    this.policies = policies;
  }

  public static PolicySnapshot build(
      Collection<Namespace> namespaces, Collection<Pod> pods, Collection<NetworkPolicy> policies) {
    return build(namespaces, pods, policies, ClusterServices.EMPTY);
  }

  /** The view, with connections to a Service's ClusterIP judged as to a pod behind it. */
  public static PolicySnapshot build(
      Collection<Namespace> namespaces,
      Collection<Pod> pods,
      Collection<NetworkPolicy> policies,
      ClusterServices services) {
    Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    for (Namespace namespace : namespaces) {
      namespaceLabels.put(
          namespace.getMetadata().getName(), labels(namespace.getMetadata().getLabels()));
    }
    Map<String, List<CompiledPolicy>> byNamespace = new HashMap<>();
    policies.stream()
        .map(CompiledPolicy::compile)
        .sorted(
            Comparator.comparing((CompiledPolicy p) -> p.ref.namespace())
                .thenComparing(p -> p.ref.name()))
        .forEach(
            p -> byNamespace.computeIfAbsent(p.ref.namespace(), k -> new ArrayList<>()).add(p));
    Map<InetAddress, PodEntry> byIp = new HashMap<>();
    int indexed = 0;
    for (Pod pod : pods) {
      Set<InetAddress> ips = podIps(pod);
      if (ips.isEmpty() || hostNetwork(pod) || finished(pod)) {
        continue;
      }
      PodEntry entry = entry(pod, namespaceLabels, byNamespace);
      ips.forEach(ip -> byIp.put(ip, entry));
      indexed++;
    }
    return new PolicySnapshot(Map.copyOf(byIp), services, indexed, policies.size());
  }

  private static PodEntry entry(
      Pod pod,
      Map<String, Map<String, String>> namespaceLabels,
      Map<String, List<CompiledPolicy>> byNamespace) {
    var meta = pod.getMetadata();
    String namespace = Objects.requireNonNullElse(meta.getNamespace(), "default");
    Map<String, String> labels = labels(meta.getLabels());
    List<CompiledPolicy> ingress = new ArrayList<>();
    List<CompiledPolicy> egress = new ArrayList<>();
    for (CompiledPolicy policy : byNamespace.getOrDefault(namespace, List.of())) {
      if (policy.podSelector.matches(labels)) {
        if (policy.isolatesIngress) {
          ingress.add(policy);
        }
        if (policy.isolatesEgress) {
          egress.add(policy);
        }
      }
    }
    return new PodEntry(
        namespace,
        meta.getName(),
        labels,
        namespaceLabels.getOrDefault(namespace, Map.of()),
        namedPorts(pod),
        hostIps(pod),
        ingress.toArray(NO_POLICIES),
        egress.toArray(NO_POLICIES));
  }

  /**
   * The verdict for {@code connection}: the source's egress and the destination's ingress, the
   * destination being a pod behind it when it is a Service's ClusterIP.
   */
  public Verdict evaluate(Connection asSeen) {
    Connection connection = services.resolve(asSeen);
    PodEntry source = podsByIp.get(connection.source());
    PodEntry destination = podsByIp.get(connection.destination());
    Protocol protocol = connection.protocol();
    int port = connection.destinationPort();
    Side egress = Side.NONE;
    if (source != null && source.egress().length > 0) {
      egress =
          side(
              source.egress(),
              true,
              destination,
              Ip.of(connection.destination()),
              protocol,
              port,
              destination);
    }
    Side ingress = Side.NONE;
    if (destination != null && destination.ingress().length > 0) {
      ingress =
          destination.onNode(connection.source())
              ? Side.LOCAL_NODE
              : side(
                  destination.ingress(),
                  false,
                  source,
                  Ip.of(connection.source()),
                  protocol,
                  port,
                  destination);
    }
    return Verdict.of(egress, ingress);
  }

  private static Side side(
      CompiledPolicy[] isolating,
      boolean egress,
      @Nullable PodEntry remotePod,
      Ip remoteIp,
      Protocol protocol,
      int port,
      @Nullable PodEntry destinationPod) {
    for (CompiledPolicy policy : isolating) {
      for (Rule rule : egress ? policy.egressRules : policy.ingressRules) {
        if (rule.matches(remotePod, remoteIp, protocol, port, destinationPod)) {
          return policy.allows;
        }
      }
    }
    return isolating[0].denies;
  }

  /** Pods indexed (with an IP, not host-network, not finished). */
  public int pods() {
    return pods;
  }

  public int policies() {
    return policies;
  }

  /** Service ports known by ClusterIP. */
  public int servicePorts() {
    return services.servicePorts();
  }

  private static Map<String, String> labels(@Nullable Map<String, String> labels) {
    return labels == null ? Map.of() : Map.copyOf(labels);
  }

  static boolean hostNetwork(Pod pod) {
    return pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
  }

  static boolean finished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /** {@code status.podIP} and every {@code status.podIPs} entry (dual-stack). */
  static Set<InetAddress> podIps(Pod pod) {
    Set<InetAddress> out = new LinkedHashSet<>();
    if (pod.getStatus() == null) {
      return out;
    }
    addIp(out, pod.getStatus().getPodIP());
    for (PodIP ip : nullToEmpty(pod.getStatus().getPodIPs())) {
      addIp(out, ip.getIp());
    }
    return out;
  }

  private static InetAddress[] hostIps(Pod pod) {
    Set<InetAddress> out = new LinkedHashSet<>();
    if (pod.getStatus() != null) {
      addIp(out, pod.getStatus().getHostIP());
      for (HostIP ip : nullToEmpty(pod.getStatus().getHostIPs())) {
        addIp(out, ip.getIp());
      }
    }
    return out.toArray(InetAddress[]::new);
  }

  private static void addIp(Set<InetAddress> out, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    try {
      out.add(InetAddress.ofLiteral(text));
    } catch (IllegalArgumentException e) {
      // not an IP literal: nothing to index
    }
  }

  private static NamedPort[] namedPorts(Pod pod) {
    List<NamedPort> out = new ArrayList<>();
    if (pod.getSpec() != null) {
      List<Container> containers = new ArrayList<>(nullToEmpty(pod.getSpec().getContainers()));
      containers.addAll(nullToEmpty(pod.getSpec().getInitContainers())); // sidecars have ports too
      for (Container container : containers) {
        for (ContainerPort port : nullToEmpty(container.getPorts())) {
          Protocol protocol =
              Protocol.ofName(Objects.requireNonNullElse(port.getProtocol(), "TCP"));
          if (port.getName() != null && port.getContainerPort() != null && protocol != null) {
            out.add(new NamedPort(port.getName(), protocol, port.getContainerPort()));
          }
        }
      }
    }
    return out.toArray(NamedPort[]::new);
  }

  private static <T> List<T> nullToEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
