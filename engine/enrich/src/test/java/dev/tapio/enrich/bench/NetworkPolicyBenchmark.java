package dev.tapio.enrich.bench;

import dev.tapio.enrich.netpol.Connection;
import dev.tapio.enrich.netpol.Connection.Protocol;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.enrich.netpol.Verdict;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a NetworkPolicy verdict costs: 2,000 pods in 40 namespaces, 30 of which have five policies
 * each (default deny both ways, same-app ingress, ingress from a monitoring namespace on a named
 * port, egress to the namespace and to an external CIDR with an exception). Run with {@code ./bench
 * engine/enrich NetworkPolicyBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NetworkPolicyBenchmark {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final String POLICIES =
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: NS}
      spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: same-app, namespace: NS}
      spec:
        podSelector: {matchExpressions: [{key: app, operator: Exists}]}
        ingress: [{from: [{podSelector: {matchLabels: {tier: front}}}], ports: [{port: 8080}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-monitoring, namespace: NS}
      spec:
        podSelector: {}
        ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: prometheus}}}], ports: [{port: metrics}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: egress-namespace, namespace: NS}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress: [{to: [{podSelector: {}}]}, {to: [{namespaceSelector: {matchLabels: {team: ops}}}], ports: [{protocol: UDP, port: 53}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: egress-internet, namespace: NS}
      spec:
        podSelector: {matchLabels: {tier: front}}
        policyTypes: [Egress]
        egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}}], ports: [{port: 443}, {port: 30000, endPort: 32767}]}]
      """;

  private NetworkPolicies policies;
  private Connection allowedInNamespace;
  private Connection deniedAcrossNamespaces;
  private Connection allowedToInternet;
  private Connection noPolicy;

  @Setup(Level.Trial)
  public void setUp() {
    List<Namespace> namespaces = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    List<NetworkPolicy> all = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      String ns = "ns-" + n;
      namespaces.add(
          new NamespaceBuilder()
              .withNewMetadata()
              .withName(ns)
              .withLabels(Map.of("team", n == 0 ? "ops" : "team-" + n))
              .endMetadata()
              .build());
      for (int p = 0; p < 50; p++) {
        pods.add(
            pod(
                ns,
                "pod-" + p,
                n == 0 && p == 0 ? "prometheus" : "app-" + p % 5,
                p % 2 == 0 ? "front" : "back",
                "10.1." + n + "." + p));
      }
      if (n >= 10) {
        for (String doc : POLICIES.split("(?m)^---$")) {
          all.add(YAML.unmarshal(doc.replace("NS", ns), NetworkPolicy.class));
        }
      }
    }
    policies = NetworkPolicies.of(namespaces, pods, all);
    allowedInNamespace = tcp("10.1.20.2", "10.1.20.3", 8080);
    deniedAcrossNamespaces = tcp("10.1.20.2", "10.1.30.3", 8080);
    allowedToInternet = tcp("10.1.20.2", "203.0.113.9", 443);
    noPolicy = tcp("10.1.2.2", "10.1.3.3", 8080);
  }

  private static Pod pod(String ns, String name, String app, String tier, String ip) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withLabels(Map.of("app", app, "tier", tier))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .addNewPort()
        .withName("metrics")
        .withContainerPort(9090)
        .endPort()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP(ip)
        .withHostIP("192.168.0.1")
        .endStatus()
        .build();
  }

  private static Connection tcp(String source, String destination, int port) {
    return Connection.outbound(
        Protocol.TCP,
        InetAddress.ofLiteral(source),
        40_000,
        InetAddress.ofLiteral(destination),
        port);
  }

  @Benchmark
  public Verdict allowedInNamespace() {
    return policies.evaluate(allowedInNamespace);
  }

  @Benchmark
  public Verdict deniedAcrossNamespaces() {
    return policies.evaluate(deniedAcrossNamespaces);
  }

  @Benchmark
  public Verdict allowedToInternet() {
    return policies.evaluate(allowedToInternet);
  }

  @Benchmark
  public Verdict noPolicy() {
    return policies.evaluate(noPolicy);
  }
}
