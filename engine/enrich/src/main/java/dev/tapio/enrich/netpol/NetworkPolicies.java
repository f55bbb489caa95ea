package dev.tapio.enrich.netpol;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.internal.netpol.InformedPolicies;
import dev.tapio.enrich.internal.netpol.PolicySnapshot;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;

/**
 * The cluster's NetworkPolicies as this node sees them, answering for connections between pods and
 * addresses. {@link #evaluate} never blocks and never does I/O: it reads the latest view.
 *
 * <p>Semantics are Kubernetes': a pod is isolated for a direction once any policy that selects it
 * has that direction in its policy types (defaulted as the API server does: Ingress always, Egress
 * when the policy has egress rules); traffic is then allowed only if a rule of one of those
 * policies matches (peers and ports), the union over policies. Ingress from the pod's own node is
 * always allowed. Peers by pod and namespace selector match pods only (not host-network ones);
 * ipBlock matches any address, pods' included.
 */
public interface NetworkPolicies extends AutoCloseable {

  /** What policies say about {@code connection}. */
  Verdict evaluate(Connection connection);

  /** Whether the view is complete, and how many pods and policies it holds. */
  SourceStatus status();

  /** Stops watching, if it watches; later evaluations see the last view. */
  @Override
  void close();

  /** No policies anywhere: every connection is no-policy. */
  static NetworkPolicies noop() {
    return fixed(PolicySnapshot.EMPTY, "no Kubernetes API configured");
  }

  /** A fixed view of the given objects, for tests and replays. */
  static NetworkPolicies of(
      Collection<Namespace> namespaces, Collection<Pod> pods, Collection<NetworkPolicy> policies) {
    PolicySnapshot snapshot = PolicySnapshot.build(namespaces, pods, policies);
    return fixed(snapshot, "");
  }

  /** A fixed view that also judges connections to {@code services}' ClusterIPs as to their pods. */
  static NetworkPolicies of(
      Collection<Namespace> namespaces,
      Collection<Pod> pods,
      Collection<NetworkPolicy> policies,
      ClusterServices services) {
    return fixed(PolicySnapshot.build(namespaces, pods, policies, services), "");
  }

  /**
   * Informers on every pod, namespace, NetworkPolicy, Service and EndpointSlice of the cluster
   * through {@code client} (which stays the caller's to close), started in the background. RBAC:
   * {@code list} and {@code watch} on {@code pods}, {@code namespaces}, {@code
   * networkpolicies.networking.k8s.io}, {@code services} and {@code
   * endpointslices.discovery.k8s.io} (without the last two, ClusterIPs are outside addresses).
   */
  static NetworkPolicies kubernetes(KubernetesClient client, NetworkPolicySettings settings) {
    return InformedPolicies.start(client, settings);
  }

  private static NetworkPolicies fixed(PolicySnapshot snapshot, String unavailable) {
    return new NetworkPolicies() {
      @Override
      public Verdict evaluate(Connection connection) {
        return snapshot.evaluate(connection);
      }

      @Override
      public SourceStatus status() {
        return unavailable.isEmpty()
            ? SourceStatus.enabled(InformedPolicies.describe(snapshot, "fixed view"))
            : SourceStatus.unavailable(unavailable);
      }

      @Override
      public void close() {}
    };
  }
}
