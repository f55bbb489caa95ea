package dev.tapio.app;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.KubernetesSettings;
import dev.tapio.enrich.PodMetadataSource;
import dev.tapio.enrich.netpol.Connection;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.enrich.netpol.NetworkPolicySettings;
import dev.tapio.enrich.netpol.Verdict;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the Kubernetes API when Tapio runs in a cluster (the in-cluster service account, or a
 * kubeconfig named by KUBECONFIG). The node is {@code node.name} when it was set (TAPIO_NODE_NAME,
 * NODE_NAME, the configuration file or a flag; the Helm chart sets it from the downward API), the
 * cluster's name {@code cluster.name}.
 */
final class KubernetesAccess {
  private static final Logger log = LoggerFactory.getLogger(KubernetesAccess.class);

  private KubernetesAccess() {}

  /**
   * The cluster's NetworkPolicies, pods and namespaces as informers keep them, for the verdicts of
   * flows; closing the view closes its client. Empty outside a cluster.
   */
  static Optional<NetworkPolicies> networkPolicies(Map<String, String> env) {
    if (!env.containsKey("KUBERNETES_SERVICE_HOST") && !env.containsKey("KUBECONFIG")) {
      return Optional.empty();
    }
    KubernetesClient client = client(env);
    NetworkPolicies view = NetworkPolicies.kubernetes(client, NetworkPolicySettings.DEFAULT);
    return Optional.of(
        new NetworkPolicies() {
          @Override
          public Verdict evaluate(Connection connection) {
            return view.evaluate(connection);
          }

          @Override
          public SourceStatus status() {
            return view.status();
          }

          @Override
          public void close() {
            view.close();
            client.close();
          }
        });
  }

  static Optional<PodMetadataSource> podSource(
      Map<String, String> env, @Nullable String nodeName, @Nullable String clusterName) {
    boolean inCluster = env.containsKey("KUBERNETES_SERVICE_HOST");
    if (!inCluster && !env.containsKey("KUBECONFIG")) {
      return Optional.empty();
    }
    String node = nodeName == null ? "" : nodeName;
    if (node.isBlank()) {
      log.warn(
          "Kubernetes found but node.name is not set (TAPIO_NODE_NAME or NODE_NAME from the"
              + " downward API's spec.nodeName): pod metadata is off");
      return Optional.empty();
    }
    KubernetesClient client = client(env);
    return Optional.of(
        PodMetadataSource.kubernetes(
            client, KubernetesSettings.forNode(node, clusterName == null ? "" : clusterName)));
  }

  /**
   * A client of the cluster: the kubeconfig that {@code env}'s KUBECONFIG names (the engine's
   * environment, which tests and embedders may give), else the in-cluster service account.
   */
  static KubernetesClient client(Map<String, String> env) {
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig == null || kubeconfig.isBlank()) {
      return new KubernetesClientBuilder().build();
    }
    // KUBECONFIG may list several files; the first is the one that names the current context.
    String first = kubeconfig.split(java.io.File.pathSeparator)[0];
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(new java.io.File(first)))
        .build();
  }
}
