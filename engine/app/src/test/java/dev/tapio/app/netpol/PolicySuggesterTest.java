package dev.tapio.app.netpol;

import static dev.tapio.app.netpol.PolicyJudgeTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.app.cli.CliRunner;
import dev.tapio.enrich.netpol.ClusterServices;
import dev.tapio.enrich.netpol.Connection;
import dev.tapio.enrich.netpol.Decision;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.recording.Recording;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapio netpol suggest} round trip: the policies suggested from a recording's connections,
 * printed as YAML and read back into the evaluator with the same pods, allow every observed
 * connection (IPv4 and IPv6, TCP and UDP, pod to pod across namespaces and to addresses outside)
 * and deny the ones not observed.
 */
class PolicySuggesterTest {
  private static final KubernetesSerialization K8S = new KubernetesSerialization();

  private static final String WEB =
      "pod: {name: web-7d9-x2x, namespace: shop, labels: {app: web, pod-template-hash: 7d9},"
          + " owners: [{kind: ReplicaSet, name: web-7d9}, {kind: Deployment, name: web}],"
          + " ip: 10.0.1.1}";
  private static final String DB =
      "pod: {name: db-0, namespace: shop, labels: {app: db, statefulset.kubernetes.io/pod-name:"
          + " db-0}, owners: [{kind: StatefulSet, name: db}], ip: 10.0.1.2}";
  private static final String PROM =
      "pod: {name: prom-0, namespace: ops, labels: {app: prom}, ip: 10.0.2.1}";

  /** What one node recorded: both ends of web to db, and each pod's own outbound connections. */
  private static final List<EnrichedEvent> RECORDED =
      List.of(
          event(
              "{type: connect, local: {ip: 10.0.1.1, port: 40000}, remote: {ip: 10.0.1.2, port:"
                  + " 5432}, "
                  + WEB
                  + "}"),
          event(
              "{type: accept, local: {ip: 10.0.1.2, port: 5432}, remote: {ip: 10.0.1.1, port:"
                  + " 40000}, "
                  + DB
                  + "}"),
          event(
              "{type: connect, local: {ip: 'fd00::1:1', port: 40001}, remote: {ip: 'fd00::1:2',"
                  + " port: 5432}, "
                  + WEB
                  + "}"),
          event(
              "{type: connect, local: {ip: 'fd00::2:1', port: 40002}, remote: {ip: 'fd00::1:1',"
                  + " port: 8080}, "
                  + PROM
                  + "}"),
          event(
              "{type: sendto, protocol: udp, local: {ip: 10.0.1.1, port: 40003}, remote: {ip:"
                  + " 10.96.0.10, port: 53}, "
                  + WEB
                  + "}"),
          event(
              "{type: connect, local: {ip: 'fd00::1:1', port: 40004}, remote: {ip: '2001:db8::9',"
                  + " port: 443}, "
                  + WEB
                  + "}"),
          event(
              "{type: connect, result: -111, local: {ip: 10.0.1.1, port: 40005}, remote: {ip:"
                  + " 10.0.1.2, port: 22}, "
                  + WEB
                  + "}"));

  private static final List<Pod> PODS =
      List.of(
          pod("shop", "web-7d9-x2x", "{app: web, pod-template-hash: 7d9}", "10.0.1.1", "fd00::1:1"),
          pod(
              "shop",
              "db-0",
              "{app: db, statefulset.kubernetes.io/pod-name: db-0}",
              "10.0.1.2",
              "fd00::1:2"),
          pod("ops", "prom-0", "{app: prom}", "10.0.2.1", "fd00::2:1"));

  private static final List<Namespace> NAMESPACES = List.of(namespace("shop"), namespace("ops"));

  @Test
  void suggestedPoliciesAllowEveryObservedConnectionAndDenyTheRest(@TempDir Path dir)
      throws Exception {
    Path recording = dir.resolve("events.jsonl");
    StringBuilder lines = new StringBuilder();
    RECORDED.forEach(e -> lines.append(Recording.line(e)).append('\n'));
    Files.writeString(recording, lines);
    Path cluster = dir.resolve("pods.yaml");
    Files.writeString(
        cluster, K8S.asYaml(new KubernetesList("v1", new ArrayList<>(PODS), "List", null)));

    CliRunner run =
        CliRunner.run(
            "netpol", "suggest", "--from", recording.toString(), "--cluster", cluster.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).contains("4 distinct connections observed in 7 events: 3 policies");
    List<NetworkPolicy> printed = readBack(run.out());
    assertThat(printed)
        .extracting(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
        .containsExactly("ops/prom-0-observed", "shop/db-observed", "shop/web-observed");
    NetworkPolicy web = printed.get(2);
    assertThat(web.getSpec().getPodSelector().getMatchLabels())
        .containsExactly(java.util.Map.entry("app", "web"));
    assertThat(web.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");

    NetworkPolicies view = NetworkPolicies.of(NAMESPACES, PODS, printed);
    for (EnrichedEvent e : RECORDED.subList(0, 6)) {
      Connection c = PolicyJudge.connection(e).orElseThrow();
      assertThat(view.evaluate(c).decision()).as("observed %s", c).isEqualTo(Decision.ALLOWED);
    }
    assertThat(decision(view, "tcp", "10.0.1.1", "10.0.1.2", 22)).isEqualTo(Decision.DENIED);
    assertThat(decision(view, "udp", "10.0.1.1", "10.0.1.2", 5432)).isEqualTo(Decision.DENIED);
    assertThat(decision(view, "tcp", "fd00::2:1", "fd00::1:2", 5432)).isEqualTo(Decision.DENIED);
    assertThat(decision(view, "tcp", "fd00::1:2", "fd00::1:1", 8080)).isEqualTo(Decision.DENIED);
    assertThat(decision(view, "tcp", "fd00::1:1", "2001:db8::10", 443)).isEqualTo(Decision.DENIED);
    assertThat(decision(view, "udp", "10.0.1.1", "10.96.0.11", 53)).isEqualTo(Decision.DENIED);
    assertThat(decision(view, "tcp", "203.0.113.9", "10.0.2.1", 9090)).isEqualTo(Decision.DENIED);
  }

  /**
   * With the Service in the cluster file, a connection to its ClusterIP is allowed as one to its
   * pods on the target port (the socket saw the ClusterIP; the pod sees its own address): no
   * ipBlock of the ClusterIP, and the policy read back admits the connection both as seen and as
   * delivered.
   */
  @Test
  void aConnectionToAServiceIsAllowedToItsPodsOnTheTargetPort(@TempDir Path dir) throws Exception {
    Path recording = dir.resolve("events.jsonl");
    Files.writeString(
        recording,
        Recording.line(
                event(
                    "{type: connect, local: {ip: 10.0.1.1, port: 40010}, remote: {ip: 10.96.0.20,"
                        + " port: 15432}, "
                        + WEB
                        + "}"))
            + "\n");
    Service db =
        K8S.unmarshal(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop}
            spec: {clusterIP: 10.96.0.20, selector: {app: db}, ports: [{port: 15432, targetPort: 5432}]}
            """,
            Service.class);
    List<HasMetadata> objects = new ArrayList<>(PODS);
    objects.add(db);
    Path cluster = dir.resolve("cluster.yaml");
    Files.writeString(cluster, K8S.asYaml(new KubernetesList("v1", objects, "List", null)));

    CliRunner run =
        CliRunner.run(
            "netpol", "suggest", "--from", recording.toString(), "--cluster", cluster.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("10.96.0.20").contains("5432").doesNotContain("15432");
    List<NetworkPolicy> printed = readBack(run.out());
    ClusterServices services = ClusterServices.of(List.of(db), List.of(), PODS);
    NetworkPolicies view = NetworkPolicies.of(NAMESPACES, PODS, printed, services);
    assertThat(decision(view, "tcp", "10.0.1.1", "10.96.0.20", 15432)).isEqualTo(Decision.ALLOWED);
    assertThat(decision(view, "tcp", "10.0.1.1", "10.0.1.2", 5432)).isEqualTo(Decision.ALLOWED);
    assertThat(decision(view, "tcp", "10.0.1.1", "10.0.1.2", 15432)).isEqualTo(Decision.DENIED);
  }

  @Test
  void withoutTheClusterAPeerOnAnotherNodeIsAllowedByItsAddressOnly() {
    Set<Observation> observed = Observations.of(RECORDED.subList(3, 4), List.of());
    List<NetworkPolicy> policies = PolicySuggester.suggest(observed);
    assertThat(policies).hasSize(1);
    assertThat(
            policies
                .getFirst()
                .getSpec()
                .getEgress()
                .getFirst()
                .getTo()
                .getFirst()
                .getIpBlock()
                .getCidr())
        .isEqualTo("fd00::1:1/128");
    NetworkPolicies view = NetworkPolicies.of(NAMESPACES, PODS, policies);
    assertThat(decision(view, "tcp", "fd00::2:1", "fd00::1:1", 8080)).isEqualTo(Decision.ALLOWED);
    assertThat(decision(view, "tcp", "fd00::2:1", "fd00::1:2", 8080)).isEqualTo(Decision.DENIED);
  }

  @Test
  void aRecordingWithoutPodsSuggestsNothing(@TempDir Path dir) throws Exception {
    Path recording = dir.resolve("events.jsonl");
    Files.writeString(
        recording,
        Recording.line(
                event(
                    "{type: connect, local: {ip: 10.0.0.5, port: 40000}, remote: {ip: 10.0.0.6, port: 80}}"))
            + "\n");
    CliRunner run = CliRunner.run("netpol", "suggest", "--from", recording.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(
            CliRunner.run("netpol", "suggest", "--from", dir.resolve("missing").toString())
                .status())
        .isEqualTo(2);
  }

  private static Decision decision(
      NetworkPolicies view, String protocol, String from, String to, int port) {
    return view.evaluate(
            Connection.outbound(
                Connection.Protocol.ofName(protocol.toUpperCase(java.util.Locale.ROOT)),
                InetAddress.ofLiteral(from),
                40_000,
                InetAddress.ofLiteral(to),
                port))
        .decision();
  }

  private static List<NetworkPolicy> readBack(String yaml) {
    List<NetworkPolicy> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (!doc.isBlank()) {
        out.add(K8S.unmarshal(doc, NetworkPolicy.class));
      }
    }
    return out;
  }

  private static Namespace namespace(String name) {
    return K8S.unmarshal(
        "kind: Namespace\nmetadata: {name: %s, labels: {kubernetes.io/metadata.name: %s}}"
            .formatted(name, name),
        Namespace.class);
  }

  private static Pod pod(String namespace, String name, String labels, String v4, String v6) {
    return K8S.unmarshal(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: %s}
        spec: {containers: [{name: main, image: busybox}]}
        status: {phase: Running, podIP: '%s', podIPs: [{ip: '%s'}, {ip: '%s'}], hostIP: 192.0.2.1}
        """
            .formatted(name, namespace, labels, v4, v4, v6),
        Pod.class);
  }
}
