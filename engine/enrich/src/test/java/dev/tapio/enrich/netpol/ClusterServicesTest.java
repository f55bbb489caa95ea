package dev.tapio.enrich.netpol;

import static dev.tapio.enrich.netpol.NetworkPolicySemanticsTest.of;
import static dev.tapio.enrich.netpol.NetworkPolicySemanticsTest.render;
import static dev.tapio.enrich.netpol.NetworkPolicySemanticsTest.tcp;
import static dev.tapio.enrich.netpol.PolicyCluster.YAML;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.enrich.netpol.Connection.Protocol;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Connections to a Service's ClusterIP, as the socket hooks see them before kube-proxy's DNAT, are
 * judged as to a pod behind the Service on its target port: from EndpointSlices when the Service
 * has them, else from its selector's pods (named target ports looked up in the pod).
 */
class ClusterServicesTest {
  /** db by selector (named target port, dual-stack), web by slice, a headless one, a manual one. */
  static final List<Service> SERVICES =
      List.of(
          service(
              """
              metadata: {name: db, namespace: shop}
              spec:
                clusterIP: 10.96.0.10
                clusterIPs: [10.96.0.10, 'fd00:96::10']
                selector: {app: db}
                ports: [{name: pg, port: 15432, targetPort: postgres}, {name: feed, port: 7000, protocol: SCTP}]
              """),
          service(
              """
              metadata: {name: web, namespace: shop}
              spec:
                clusterIP: 10.96.0.11
                selector: {app: web}
                ports: [{name: http, port: 80, targetPort: 1234}]
              """),
          service(
              """
              metadata: {name: db-headless, namespace: shop}
              spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
              """),
          service(
              """
              metadata: {name: external, namespace: shop}
              spec: {clusterIP: 10.96.0.12, ports: [{port: 443}]}
              """));

  /** web's slice: its http port is 8080 on the pods; an endpoint that is not ready is skipped. */
  static final List<EndpointSlice> SLICES =
      List.of(
          YAML.unmarshal(
              """
              apiVersion: discovery.k8s.io/v1
              kind: EndpointSlice
              metadata: {name: web-abc, namespace: shop, labels: {kubernetes.io/service-name: web}}
              addressType: IPv4
              ports: [{name: http, port: 8080, protocol: TCP}]
              endpoints:
              - {addresses: [10.0.0.5], conditions: {ready: false}}
              - {addresses: [10.0.1.1], conditions: {ready: true}}
              """,
              EndpointSlice.class));

  static final ClusterServices CLUSTER = ClusterServices.of(SERVICES, SLICES, PolicyCluster.pods());

  @ParameterizedTest(name = "{0}:{1}/{2} is {3}:{4}")
  @CsvSource({
    "10.96.0.10, 15432, TCP, 10.0.1.2, 5432", // named target port of the selected pod
    "fd00:96::10, 15432, TCP, fd00::1:2, 5432", // the IPv6 ClusterIP, the pod's IPv6 address
    "10.96.0.10, 7000, SCTP, 10.0.1.2, 7000", // no target port: the Service port
    "10.96.0.11, 80, TCP, 10.0.1.1, 8080", // the slice's port, not the spec's targetPort
    "10.96.0.10, 15433, TCP, 10.96.0.10, 15433", // not a port of the Service
    "10.96.0.10, 15432, UDP, 10.96.0.10, 15432", // not its protocol
    "10.96.0.12, 443, TCP, 10.96.0.12, 443", // no selector, no slice: nowhere known
    "10.0.1.2, 5432, TCP, 10.0.1.2, 5432" // a pod already
  })
  void aClusterIpIsResolvedToAPodBehindIt(
      String clusterIp, int port, Protocol protocol, String pod, int podPort) {
    Connection resolved = CLUSTER.resolve(of(protocol, "10.0.3.1", clusterIp, port));
    assertThat(resolved.destination().getHostAddress())
        .isEqualTo(java.net.InetAddress.ofLiteral(pod).getHostAddress());
    assertThat(resolved.destinationPort()).isEqualTo(podPort);
    assertThat(resolved.source().getHostAddress()).isEqualTo("10.0.3.1");
  }

  @Test
  void onlyServicePortsWithAClusterIpAndABackendAreKnown() {
    // db: two ports on two ClusterIPs; web: one; the headless and the selector-less one: none
    assertThat(CLUSTER.servicePorts()).isEqualTo(5);
  }

  /**
   * The verdict on a connection to the ClusterIP is the verdict on the connection to the pod: db
   * admits only the front tier on its named postgres port.
   */
  @ParameterizedTest(name = "{0} to {1}:{2} is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.1.1 | 10.96.0.10 | 15432 | allowed egress=no-policy ingress=allowed:shop/db-from-front",
        "10.0.3.1 | 10.96.0.10 | 15432 | denied egress=no-policy ingress=denied:shop/db-from-front",
        "fd00::1:1 | fd00:96::10 | 15432 | allowed egress=no-policy"
            + " ingress=allowed:shop/db-from-front",
        "10.0.1.1 | 10.96.0.10 | 7000 | no-policy egress=no-policy ingress=no-policy", // SCTP port
        "10.0.3.1 | 10.96.0.11 | 80 | no-policy egress=no-policy ingress=no-policy",
      })
  void aConnectionToAClusterIpGetsTheVerdictOfItsPod(
      String source, String clusterIp, int port, String expected) {
    NetworkPolicies view =
        NetworkPolicies.of(
            PolicyCluster.namespaces(),
            PolicyCluster.pods(),
            PolicyCluster.policies(DB_FROM_FRONT),
            CLUSTER);
    assertThat(render(view.evaluate(tcp(source, clusterIp, port)))).isEqualTo(expected);
    NetworkPolicies blind =
        NetworkPolicies.of(
            PolicyCluster.namespaces(),
            PolicyCluster.pods(),
            PolicyCluster.policies(DB_FROM_FRONT));
    assertThat(blind.evaluate(tcp(source, clusterIp, port)).decision())
        .as("without the Services the ClusterIP is an outside address no policy isolates")
        .isEqualTo(Decision.NO_POLICY);
  }

  static final String DB_FROM_FRONT =
      """
      metadata: {name: db-from-front, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: db}}
        ingress:
        - from: [{podSelector: {matchLabels: {tier: front}}}]
          ports: [{port: postgres}]
      """;

  private static Service service(String yaml) {
    return YAML.unmarshal("apiVersion: v1\nkind: Service\n" + yaml, Service.class);
  }
}
