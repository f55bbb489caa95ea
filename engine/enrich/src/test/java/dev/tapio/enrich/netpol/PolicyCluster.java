package dev.tapio.enrich.netpol;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The cluster the policy tests run against: four namespaces, dual-stack pods with named ports on
 * two nodes (192.168.0.10 and .11), a host-network agent and a finished pod whose IP is free.
 *
 * <pre>
 * shop   {env: prod, team: shop}  web 10.0.1.1 fd00::1:1 (http 8080, metrics 9090, dns 53/UDP) on .10
 *                                 db 10.0.1.2 fd00::1:2 (postgres 5432, sctp-feed 7000/SCTP) on .11
 *                                 cache 10.0.1.3 (redis 6379) on .10; done 10.0.1.9 (Succeeded)
 * ops    {env: prod, team: ops}   monitor 10.0.2.1 {app: prometheus}; debug 10.0.2.2 {app: debug}
 *                                 agent, host network, 192.168.0.10
 * dev    {env: dev}               tool 10.0.3.1
 * legacy {}                       old 10.0.4.1
 * </pre>
 */
final class PolicyCluster {
  static final KubernetesSerialization YAML = new KubernetesSerialization();

  private static final String HEADER = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n";

  private PolicyCluster() {}

  static List<Namespace> namespaces() {
    return List.of(
        namespace("shop", Map.of("env", "prod", "team", "shop")),
        namespace("ops", Map.of("env", "prod", "team", "ops")),
        namespace("dev", Map.of("env", "dev")),
        namespace("legacy", Map.of()));
  }

  static List<Pod> pods() {
    return List.of(
        pod(
                "shop",
                "web",
                Map.of("app", "web", "tier", "front"),
                "192.168.0.10",
                "10.0.1.1",
                "fd00::1:1")
            .withPorts("http:8080/TCP", "metrics:9090/TCP", "dns:53/UDP")
            .build(),
        pod(
                "shop",
                "db",
                Map.of("app", "db", "tier", "back"),
                "192.168.0.11",
                "10.0.1.2",
                "fd00::1:2")
            .withPorts("postgres:5432/TCP", "sctp-feed:7000/SCTP")
            .build(),
        pod("shop", "cache", Map.of("app", "cache"), "192.168.0.10", "10.0.1.3")
            .withPorts("redis:6379/TCP")
            .build(),
        pod("shop", "done", Map.of("app", "db"), "192.168.0.10", "10.0.1.9").finished().build(),
        pod("ops", "monitor", Map.of("app", "prometheus"), "192.168.0.11", "10.0.2.1").build(),
        pod("ops", "debug", Map.of("app", "debug"), "192.168.0.11", "10.0.2.2").build(),
        pod("ops", "agent", Map.of("app", "agent"), "192.168.0.10", "192.168.0.10")
            .hostNetwork()
            .build(),
        pod("dev", "tool", Map.of("app", "tool"), "192.168.0.11", "10.0.3.1").build(),
        pod("legacy", "old", Map.of("app", "old"), "192.168.0.11", "10.0.4.1").build());
  }

  /** Policies from YAML documents separated by {@code ---}. */
  static List<NetworkPolicy> policies(String yaml) {
    return Arrays.stream(yaml.split("(?m)^---$"))
        .filter(doc -> !doc.isBlank())
        .map(doc -> YAML.unmarshal(HEADER + doc.strip(), NetworkPolicy.class))
        .toList();
  }

  static InetAddress ip(String literal) {
    return InetAddress.ofLiteral(literal);
  }

  private static Namespace namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  static PodSpecBuilder pod(
      String namespace, String name, Map<String, String> labels, String hostIp, String... ips) {
    return new PodSpecBuilder(namespace, name, labels, hostIp, ips);
  }

  /** A pod with the few fields policies read. */
  static final class PodSpecBuilder {
    private final PodBuilder pod;

    PodSpecBuilder(
        String namespace, String name, Map<String, String> labels, String hostIp, String... ips) {
      pod =
          new PodBuilder()
              .withNewMetadata()
              .withNamespace(namespace)
              .withName(name)
              .withLabels(labels)
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName("main")
              .withImage("busybox")
              .endContainer()
              .endSpec()
              .withNewStatus()
              .withPhase("Running")
              .withPodIP(ips[0])
              .withPodIPs(Arrays.stream(ips).map(PodIP::new).toList())
              .withHostIP(hostIp)
              .withHostIPs(new HostIP(hostIp))
              .endStatus();
    }

    /** Container ports as {@code name:port/PROTOCOL}. */
    PodSpecBuilder withPorts(String... ports) {
      var container = pod.buildSpec().getContainers().getFirst();
      for (String port : ports) {
        String[] parts = port.split("[:/]");
        container
            .getPorts()
            .add(
                new ContainerPortBuilder()
                    .withName(parts[0])
                    .withContainerPort(Integer.parseInt(parts[1]))
                    .withProtocol(parts[2])
                    .build());
      }
      pod.editSpec().withContainers(container).endSpec();
      return this;
    }

    PodSpecBuilder hostNetwork() {
      pod.editSpec().withHostNetwork(true).endSpec();
      return this;
    }

    PodSpecBuilder finished() {
      pod.editStatus().withPhase("Succeeded").endStatus();
      return this;
    }

    Pod build() {
      return pod.build();
    }
  }
}
