package dev.tapio.app.netpol;

import dev.tapio.api.event.IpText;
import dev.tapio.app.netpol.Observation.Peer;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Least-privilege NetworkPolicies from observed connections: one policy per workload, isolating it
 * for ingress and egress, whose rules allow exactly the peers and ports it was seen talking to. A
 * peer pod is selected by its workload's labels (and, in another namespace, by the namespace's name
 * label {@code kubernetes.io/metadata.name}, which the API server sets on every namespace); an
 * address no known pod has by an ipBlock of that one address (/32 or /128). Everything not observed
 * is denied, so a workload must be observed long enough to have done everything it does.
 */
public final class PolicySuggester {
  /** The label the API server gives every namespace: its own name. */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private static final Comparator<Workload> BY_NAME =
      Comparator.comparing(Workload::namespace)
          .thenComparing(Workload::name)
          .thenComparing(w -> w.selector().toString());

  private PolicySuggester() {}

  /** Policies for the workloads of {@code observed}, ordered by namespace and name. */
  public static List<NetworkPolicy> suggest(Collection<Observation> observed) {
    Map<Workload, Map<String, SortedSet<String>>> ingress = new TreeMap<>(BY_NAME);
    Map<Workload, Map<String, SortedSet<String>>> egress = new TreeMap<>(BY_NAME);
    Map<String, Peer> peers = new TreeMap<>();
    for (Observation o : observed) {
      String port = o.protocol().name() + "/" + o.port();
      if (o.destination() instanceof Peer.Pod(Workload to)) {
        add(ingress, to, key(o.source()), port);
        peers.put(key(o.source()), o.source());
      }
      if (o.source() instanceof Peer.Pod(Workload from)) {
        add(egress, from, key(o.destination()), port);
        peers.put(key(o.destination()), o.destination());
      }
    }
    TreeSet<Workload> workloads = new TreeSet<>(BY_NAME);
    workloads.addAll(ingress.keySet());
    workloads.addAll(egress.keySet());
    List<NetworkPolicy> out = new ArrayList<>();
    for (Workload w : workloads) {
      List<NetworkPolicyIngressRule> in = new ArrayList<>();
      ingress
          .getOrDefault(w, Map.of())
          .forEach(
              (peer, ports) ->
                  in.add(
                      new NetworkPolicyIngressRuleBuilder()
                          .withFrom(
                              peer(
                                  java.util.Objects.requireNonNull(peers.get(peer)), w.namespace()))
                          .withPorts(ports(ports))
                          .build()));
      List<NetworkPolicyEgressRule> eg = new ArrayList<>();
      egress
          .getOrDefault(w, Map.of())
          .forEach(
              (peer, ports) ->
                  eg.add(
                      new NetworkPolicyEgressRuleBuilder()
                          .withTo(
                              peer(
                                  java.util.Objects.requireNonNull(peers.get(peer)), w.namespace()))
                          .withPorts(ports(ports))
                          .build()));
      out.add(
          new NetworkPolicyBuilder()
              .withNewMetadata()
              .withName(w.name() + "-observed")
              .withNamespace(w.namespace())
              .addToLabels("app.kubernetes.io/managed-by", "tapio-netpol-suggest")
              .endMetadata()
              .withNewSpec()
              .withPodSelector(labels(w.selector()))
              .withPolicyTypes("Ingress", "Egress")
              .withIngress(in)
              .withEgress(eg)
              .endSpec()
              .build());
    }
    return out;
  }

  private static void add(
      Map<Workload, Map<String, SortedSet<String>>> rules, Workload w, String peer, String port) {
    rules
        .computeIfAbsent(w, k -> new TreeMap<>())
        .computeIfAbsent(peer, k -> new TreeSet<>())
        .add(port);
  }

  /** A sortable key of a peer, so rules come out in a stable order. */
  private static String key(Peer peer) {
    return switch (peer) {
      case Peer.Pod(Workload w) -> "pod " + w.namespace() + " " + w.name() + " " + w.selector();
      case Peer.Address(var a) -> "address " + IpText.of(a);
    };
  }

  private static NetworkPolicyPeer peer(Peer peer, String namespace) {
    return switch (peer) {
      case Peer.Pod(Workload w) when w.namespace().equals(namespace) ->
          new NetworkPolicyPeerBuilder().withPodSelector(labels(w.selector())).build();
      case Peer.Pod(Workload w) ->
          new NetworkPolicyPeerBuilder()
              .withNamespaceSelector(labels(Map.of(NAMESPACE_NAME_LABEL, w.namespace())))
              .withPodSelector(labels(w.selector()))
              .build();
      case Peer.Address(var a) ->
          new NetworkPolicyPeerBuilder()
              .withNewIpBlock()
              .withCidr(IpText.of(a) + (a instanceof Inet4Address ? "/32" : "/128"))
              .endIpBlock()
              .build();
    };
  }

  private static List<NetworkPolicyPort> ports(SortedSet<String> ports) {
    List<NetworkPolicyPort> out = new ArrayList<>();
    for (String p : ports) {
      int slash = p.indexOf('/');
      out.add(
          new NetworkPolicyPortBuilder()
              .withProtocol(p.substring(0, slash))
              .withPort(new IntOrString(Integer.parseInt(p.substring(slash + 1))))
              .build());
    }
    out.sort(
        Comparator.comparing((NetworkPolicyPort p) -> p.getPort().getIntVal())
            .thenComparing(NetworkPolicyPort::getProtocol));
    return out;
  }

  private static LabelSelector labels(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(labels)).build();
  }
}
