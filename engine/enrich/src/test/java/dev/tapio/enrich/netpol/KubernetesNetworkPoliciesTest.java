package dev.tapio.enrich.netpol;

import static dev.tapio.enrich.netpol.NetworkPolicySemanticsTest.render;
import static dev.tapio.enrich.netpol.NetworkPolicySemanticsTest.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.netpol.NetworkPolicySemanticsTest.Case;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The informer-fed view against fabric8's stand-in API server in CRUD mode (no real API server runs
 * here): the cluster of {@link PolicyCluster} is served from it, and the view must reach the very
 * verdicts of the semantics table and follow edits.
 */
class KubernetesNetworkPoliciesTest {
  static final int PODS = 7; // the cluster's pods minus the host-network one and the finished one

  KubernetesMockServer server;
  KubernetesClient client;
  NetworkPolicies view;

  @BeforeEach
  void cluster() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    PolicyCluster.namespaces().forEach(ns -> client.namespaces().resource(ns).create());
    PolicyCluster.pods().forEach(pod -> client.pods().resource(pod).create());
    view =
        NetworkPolicies.kubernetes(
            client, NetworkPolicySettings.builder().rebuildDelay(Duration.ZERO).build());
  }

  @AfterEach
  void stop() {
    view.close();
    client.close();
    server.destroy();
  }

  static <T> T eventually(Supplier<@Nullable T> value) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          T found;
          while ((found = value.get()) == null) {
            Thread.sleep(10);
          }
          return found;
        });
  }

  /** Waits until the view holds all pods and exactly {@code policies} policies. */
  void awaitView(int policies) {
    String wanted = PODS + " pods, " + policies + " policies";
    eventually(
        () -> {
          SourceStatus status = view.status();
          return status.state() == SourceStatus.State.ENABLED
                  && status.mechanism().startsWith(wanted)
              ? status
              : null;
        });
  }

  void replacePolicies(List<NetworkPolicy> policies) {
    client.network().v1().networkPolicies().inAnyNamespace().delete();
    awaitView(0);
    policies.forEach(p -> client.network().v1().networkPolicies().resource(p).create());
    awaitView(policies.size());
  }

  @Test
  void reachesTheVerdictsOfTheSemanticsTable() {
    Map<String, List<Case>> byPolicies =
        NetworkPolicySemanticsTest.cases()
            .collect(
                Collectors.groupingBy(Case::policies, LinkedHashMap::new, Collectors.toList()));
    for (var group : byPolicies.entrySet()) {
      replacePolicies(PolicyCluster.policies(group.getKey()));
      for (Case c : group.getValue()) {
        assertThat(render(view.evaluate(c.connection()))).as(c.name()).isEqualTo(c.expected());
      }
    }
    assertThat(view.status().mechanism()).contains("informers on " + client.getMasterUrl());
  }

  @Test
  void followsPolicyAndPodEdits() {
    Connection webToDb = tcp("10.0.1.1", "10.0.1.2", 5432);
    replacePolicies(PolicyCluster.policies(NetworkPolicySemanticsTest.DENY_INGRESS));
    assertThat(render(view.evaluate(webToDb)))
        .isEqualTo("denied egress=no-policy ingress=denied:shop/default-deny");

    client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace("shop")
        .withName("default-deny")
        .edit(
            p -> {
              p.getSpec()
                  .getIngress()
                  .add(
                      new NetworkPolicyIngressRuleBuilder()
                          .addNewFrom()
                          .withNewPodSelector()
                          .addToMatchLabels("tier", "front")
                          .endPodSelector()
                          .endFrom()
                          .build());
              return p;
            });
    eventually(() -> view.evaluate(webToDb).decision() == Decision.ALLOWED ? true : null);
    assertThat(render(view.evaluate(webToDb)))
        .isEqualTo("allowed egress=no-policy ingress=allowed:shop/default-deny");

    client
        .pods()
        .inNamespace("shop")
        .withName("web")
        .edit(
            p -> {
              p.getMetadata().getLabels().put("tier", "canary");
              return p;
            });
    eventually(() -> view.evaluate(webToDb).decision() == Decision.DENIED ? true : null);

    client.network().v1().networkPolicies().inNamespace("shop").withName("default-deny").delete();
    eventually(() -> view.evaluate(webToDb) == Verdict.NO_POLICY ? true : null);
  }

  /**
   * Services and EndpointSlices come from the API server too: a connection to a ClusterIP is judged
   * as to the pod behind it once the Service is served, and by the slice once that is.
   */
  @Test
  void judgesAConnectionToAClusterIpByThePodBehindIt() {
    replacePolicies(PolicyCluster.policies(ClusterServicesTest.DB_FROM_FRONT));
    Connection toolToDb = tcp("10.0.3.1", "10.96.0.10", 15432);
    Connection webToDb = tcp("10.0.1.1", "10.96.0.10", 15432);
    assertThat(view.evaluate(toolToDb).decision()).isEqualTo(Decision.NO_POLICY);

    ClusterServicesTest.SERVICES.forEach(s -> client.services().resource(s).create());
    eventually(() -> view.evaluate(toolToDb).decision() == Decision.DENIED ? true : null);
    assertThat(render(view.evaluate(webToDb)))
        .isEqualTo("allowed egress=no-policy ingress=allowed:shop/db-from-front");

    // a slice that puts db's pg port on cache's address: the slice, not the selector, decides
    client
        .discovery()
        .v1()
        .endpointSlices()
        .resource(
            PolicyCluster.YAML.unmarshal(
                """
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: db-x, namespace: shop, labels: {kubernetes.io/service-name: db}}
                addressType: IPv4
                ports: [{name: pg, port: 6379, protocol: TCP}]
                endpoints: [{addresses: [10.0.1.3]}]
                """,
                io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class))
        .create();
    eventually(() -> view.evaluate(toolToDb).decision() == Decision.NO_POLICY ? true : null);
  }
}
