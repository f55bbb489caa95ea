package dev.tapio.enrich.internal.netpol;

import dev.tapio.enrich.internal.netpol.Rules.IpBlockPeer;
import dev.tapio.enrich.internal.netpol.Rules.NoPeer;
import dev.tapio.enrich.internal.netpol.Rules.Peer;
import dev.tapio.enrich.internal.netpol.Rules.PodPeer;
import dev.tapio.enrich.internal.netpol.Rules.PortMatch;
import dev.tapio.enrich.internal.netpol.Rules.Rule;
import dev.tapio.enrich.netpol.Connection.Protocol;
import dev.tapio.enrich.netpol.Decision;
import dev.tapio.enrich.netpol.PolicyRef;
import dev.tapio.enrich.netpol.Verdict.Side;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A NetworkPolicy compiled for matching: selectors precompiled, CIDRs parsed, policy types
 * defaulted as the API server defaults them (Ingress always; Egress when the policy has egress
 * rules), and its verdict sides made once.
 */
final class CompiledPolicy {
  final PolicyRef ref;
  final Selector podSelector;
  final boolean isolatesIngress;
  final boolean isolatesEgress;
  final Rule[] ingressRules;
  final Rule[] egressRules;
  final Side allows;
  final Side denies;

  private CompiledPolicy(
      PolicyRef ref,
      Selector podSelector,
      boolean isolatesIngress,
      boolean isolatesEgress,
      Rule[] ingressRules,
      Rule[] egressRules) {
    this.ref = ref;
    this.podSelector = podSelector;
    this.isolatesIngress = isolatesIngress;
    this.isolatesEgress = isolatesEgress;
    this.ingressRules = ingressRules;
    this.egressRules = egressRules;
    this.allows = new Side(Decision.ALLOWED, ref);
    this.denies = new Side(Decision.DENIED, ref);
  }

  static CompiledPolicy compile(NetworkPolicy policy) {
    String namespace = Objects.requireNonNullElse(policy.getMetadata().getNamespace(), "default");
    PolicyRef ref = new PolicyRef(namespace, policy.getMetadata().getName());
    NetworkPolicySpec spec = policy.getSpec() == null ? new NetworkPolicySpec() : policy.getSpec();
    List<String> types = spec.getPolicyTypes();
    boolean isolatesIngress;
    boolean isolatesEgress;
    if (types == null || types.isEmpty()) {
      isolatesIngress = true;
      isolatesEgress = spec.getEgress() != null && !spec.getEgress().isEmpty();
    } else {
      isolatesIngress = types.contains("Ingress");
      isolatesEgress = types.contains("Egress");
    }
    Rule[] ingressRules =
        spec.getIngress() == null
            ? new Rule[0]
            : spec.getIngress().stream()
                .map(r -> rule(r.getFrom(), r.getPorts(), namespace))
                .toArray(Rule[]::new);
    Rule[] egressRules =
        spec.getEgress() == null
            ? new Rule[0]
            : spec.getEgress().stream()
                .map(r -> rule(r.getTo(), r.getPorts(), namespace))
                .toArray(Rule[]::new);
    return new CompiledPolicy(
        ref,
        Selector.compile(spec.getPodSelector()),
        isolatesIngress,
        isolatesEgress,
        ingressRules,
        egressRules);
  }

  private static Rule rule(
      @Nullable List<NetworkPolicyPeer> peers,
      @Nullable List<NetworkPolicyPort> ports,
      String namespace) {
    return new Rule(
        map(peers, p -> peer(p, namespace)).toArray(Peer[]::new),
        map(ports, CompiledPolicy::port).toArray(PortMatch[]::new));
  }

  private static <T, R> List<R> map(@Nullable List<T> list, Function<T, R> f) {
    List<R> out = new ArrayList<>();
    if (list != null) {
      list.forEach(item -> out.add(f.apply(item)));
    }
    return out;
  }

  private static Peer peer(NetworkPolicyPeer peer, String namespace) {
    IPBlock block = peer.getIpBlock();
    if (block != null) {
      Cidr cidr = Cidr.parse(block.getCidr());
      List<Cidr> except = new ArrayList<>();
      for (String text : block.getExcept() == null ? List.<String>of() : block.getExcept()) {
        Cidr excluded = Cidr.parse(text);
        if (excluded == null) {
          return new NoPeer(); // the API server refuses it; matching it would widen the rule
        }
        except.add(excluded);
      }
      return cidr == null ? new NoPeer() : new IpBlockPeer(cidr, except.toArray(Cidr[]::new));
    }
    Selector pods = Selector.compileOrNull(peer.getPodSelector());
    Selector namespaces = Selector.compileOrNull(peer.getNamespaceSelector());
    if (pods == null && namespaces == null) {
      return new NoPeer();
    }
    return new PodPeer(pods, namespaces, namespace);
  }

  private static PortMatch port(NetworkPolicyPort port) {
    // an unknown protocol (the API server refuses it) leaves the entry matching nothing
    Protocol protocol = Protocol.ofName(Objects.requireNonNullElse(port.getProtocol(), "TCP"));
    IntOrString value = port.getPort();
    if (value == null) {
      return new PortMatch(protocol, PortMatch.ANY, PortMatch.ANY, null);
    }
    if (value.getIntVal() != null) {
      int from = value.getIntVal();
      Integer end = port.getEndPort();
      return new PortMatch(protocol, from, end == null || end < from ? from : end, null);
    }
    return new PortMatch(protocol, 0, 0, Objects.requireNonNullElse(value.getStrVal(), ""));
  }
}
