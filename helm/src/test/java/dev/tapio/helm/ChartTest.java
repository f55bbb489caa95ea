package dev.tapio.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart, linted and rendered by the real Helm library, for a table of values. */
class ChartTest {

  @Test
  void lintsCleanInStrictMode() {
    LintResult result = new Helm(Rendered.CHART).lint().strict().call();
    assertThat(result.getMessages()).allMatch(m -> m.startsWith("[INFO]"));
    assertThat(result.isFailed()).isFalse();
  }

  /** A name, the values, and what must hold of the manifests besides what holds for all. */
  static Stream<Arguments> scenarios() {
    return Stream.of(
        scenario("defaults", "tapio", "{}", ChartTest::defaults),
        scenario(
            "custom rules added to the bundled ones",
            "tapio",
            """
            customRules:
              local.yaml: |
                - list: x
                  items: [a]
            config:
              rules: {disable: {tags: [network]}}
            """,
            r -> {
              assertThat(r.get("ConfigMap", "tapio-rules").at("/data").toString())
                  .contains("local.yaml", "list: x");
              String config = r.get("ConfigMap", "tapio-config").at("/data/tapio.yaml").asText();
              assertThat(config)
                  .contains("bundled: true", "- /etc/tapio/rules.d", "- network", "root: /host");
            }),
        scenario(
            "custom rules replacing the bundled ones",
            "tapio",
            "customRules: {a.yaml: '- list: y'}\ncustomRulesReplaceDefaults: true\n",
            r ->
                assertThat(r.get("ConfigMap", "tapio-config").at("/data/tapio.yaml").asText())
                    .contains("bundled: false")),
        scenario(
            "OTLP with a TLS Secret and headers",
            "tapio",
            """
            otlp:
              endpoint: https://collector.observability:4318
              protocol: http/protobuf
              headers: {authorization: "Bearer abc 123", x-tenant: blue}
              tls: {caSecret: collector-ca}
            cluster: {name: prod-1}
            """,
            ChartTest::otlpWithTlsAndHeaders),
        scenario(
            "no Kubernetes metadata",
            "tapio",
            "kubernetes: {enabled: false}\n",
            r -> {
              assertThat(r.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding");
              assertThat(r.pod().get("automountServiceAccountToken").asBoolean()).isFalse();
              assertThat(egressPorts(r)).containsExactly("53/UDP,53/TCP");
            }),
        scenario(
            "a restricted namespace of its own, with a ServiceMonitor",
            "security",
            "serviceMonitor: {enabled: true}\nnetworkPolicy: {metricsFrom: [{namespaceSelector: {matchLabels: {name: monitoring}}}]}\n",
            r -> {
              for (JsonNode d : r.documents()) {
                String kind = d.get("kind").asText();
                if (!List.of("ClusterRole", "ClusterRoleBinding", "PriorityClass").contains(kind)) {
                  assertThat(d.at("/metadata/namespace").asText()).as(kind).isEqualTo("security");
                }
              }
              assertThat(r.get("ClusterRoleBinding").at("/subjects/0/namespace").asText())
                  .isEqualTo("security");
              assertThat(r.get("ServiceMonitor").at("/spec/endpoints/0/authorization").toString())
                  .contains("tapio-http-token");
              assertThat(r.get("NetworkPolicy").at("/spec/ingress/0/from/0").toString())
                  .contains("monitoring");
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void rendersValidLeastPrivilegeManifests(
      String name, String namespace, String values, Consumer<Rendered> check) throws IOException {
    Rendered r = Rendered.render(namespace, values);

    r.validateAgainstTheKubernetesApi();
    for (JsonNode container : r.pod().get("containers")) {
      JsonNode security = container.get("securityContext");
      assertThat(security.get("privileged").asBoolean()).isFalse();
      assertThat(security.get("allowPrivilegeEscalation").asBoolean()).isFalse();
      assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
      assertThat(strings(security.at("/capabilities/add")))
          .containsExactlyElementsOf(documentedCapabilities(false));
    }
    assertThat(r.pod().get("hostPID").asBoolean()).isTrue();
    assertThat(r.pod().get("hostNetwork").asBoolean()).isFalse();
    for (JsonNode mount : r.container().get("volumeMounts")) {
      if (mount.get("mountPath").asText().startsWith("/host/")
          || mount.get("mountPath").asText().startsWith("/sys/")) {
        assertThat(mount.get("readOnly").asBoolean()).as(mount.toString()).isTrue();
      }
    }
    for (JsonNode role : r.all("ClusterRole")) {
      for (JsonNode rule : role.get("rules")) {
        assertThat(strings(rule.get("verbs"))).containsExactly("get", "list", "watch");
      }
    }
    check.accept(r);
  }

  private static void defaults(Rendered r) {
    assertThat(r.kinds())
        .contains(
            "DaemonSet",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "ConfigMap",
            "NetworkPolicy",
            "PriorityClass")
        .doesNotContain("ServiceMonitor");
    JsonNode pod = r.pod();
    assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Exists");
    assertThat(pod.get("priorityClassName").asText()).isEqualTo("tapio-node-critical");
    JsonNode container = r.container();
    assertThat(container.get("image").asText()).isEqualTo("ghcr.io/tapio-security/tapio:0.1.0");
    assertThat(container.at("/args").toString())
        .isEqualTo("[\"run\",\"--config\",\"/etc/tapio/tapio.yaml\"]");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
    assertThat(container.at("/env").toString())
        .contains("TAPIO_NODE_NAME", "spec.nodeName")
        .doesNotContain("OTEL_EXPORTER_OTLP");
    String config = r.get("ConfigMap", "tapio-config").at("/data/tapio.yaml").asText();
    assertThat(config)
        .contains("root: /host", "address: 0.0.0.0:8765", "probesWithoutToken: true")
        .contains("tokenFile: /var/run/secrets/tapio/http/token", "bundled: true");
    JsonNode clusterRole = r.get("ClusterRole");
    assertThat(clusterRole.toString()).doesNotContain("create", "delete", "update", "patch");
    assertThat(clusterRole.get("rules").toString())
        .contains(
            "pods",
            "namespaces",
            "nodes",
            "replicasets",
            "jobs",
            "networkpolicies",
            "services",
            "endpointslices");
    assertThat(r.get("NetworkPolicy").at("/spec/ingress").toString())
        .isEqualTo("[{\"ports\":[{\"port\":8765,\"protocol\":\"TCP\"}]}]");
    assertThat(egressPorts(r)).containsExactly("53/UDP,53/TCP", "443/TCP,6443/TCP");
    assertThat(r.get("DaemonSet").at("/spec/updateStrategy/type").asText())
        .isEqualTo("RollingUpdate");
  }

  private static void otlpWithTlsAndHeaders(Rendered r) {
    String env = r.container().at("/env").toString();
    assertThat(env)
        .contains("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector.observability:4318")
        .contains("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .contains("OTEL_EXPORTER_OTLP_CERTIFICATE", "/etc/tapio/otlp-ca/ca.crt")
        .contains("TAPIO_CLUSTER_NAME", "prod-1")
        .doesNotContain("abc");
    JsonNode headers = r.container().at("/env").findParent("secretKeyRef");
    assertThat(headers.at("/secretKeyRef/name").asText()).isEqualTo("tapio-otlp-headers");
    assertThat(r.get("Secret", "tapio-otlp-headers").at("/stringData/headers").asText())
        .isEqualTo("authorization=Bearer+abc+123,x-tenant=blue");
    assertThat(r.pod().at("/volumes").toString()).contains("collector-ca");
    assertThat(egressPorts(r)).contains("4318/TCP");
  }

  /** Each egress rule's ports, as {@code 53/UDP,53/TCP}. */
  private static List<String> egressPorts(Rendered r) {
    List<String> rules = new ArrayList<>();
    for (JsonNode rule : r.get("NetworkPolicy").at("/spec/egress")) {
      List<String> ports = new ArrayList<>();
      rule.get("ports")
          .forEach(p -> ports.add(p.get("port").asText() + "/" + p.get("protocol").asText()));
      rules.add(String.join(",", ports));
    }
    return rules;
  }

  @Test
  void theHttpTokenComesFromTheChartsSecretOrTheOneNamed() {
    assertThat(Rendered.render("tapio", "{}").pod().at("/volumes").toString())
        .contains("\"secretName\":\"tapio-http-token\"");
    assertThat(Rendered.render("tapio", "http: {tokenSecret: {name: mine}}\n").pod().toString())
        .contains("\"secretName\":\"mine\"");
  }

  /**
   * The root file system is read-only: the spool and the rule cache each get a volume that outlives
   * a container restart.
   */
  @Test
  void theSpoolAndTheRuleCacheAreWritableVolumes() {
    Rendered r = Rendered.render("tapio", "{}");
    String mounts = r.container().at("/volumeMounts").toString();
    assertThat(mounts)
        .contains("\"mountPath\":\"/var/lib/tapio/spool\"")
        .contains("\"mountPath\":\"/var/lib/tapio/rules-cache\"");
    assertThat(r.pod().at("/volumes").toString())
        .contains("{\"name\":\"rules-cache\",\"emptyDir\":{\"sizeLimit\":\"16Mi\"}}");
    assertThat(r.container().at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
  }

  /** The image's JVM options hold unless javaOpts replaces them whole. */
  @Test
  void javaOptsReplaceTheImagesJvmOptionsOnlyWhenSet() {
    assertThat(Rendered.render("tapio", "{}").container().at("/env").toString())
        .doesNotContain("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");
    JsonNode set = null;
    for (JsonNode env :
        Rendered.render("tapio", "javaOpts: \"-Xmx1g -XX:+UseSerialGC\"\n")
            .container()
            .at("/env")) {
      if (env.at("/name").asText().equals("JDK_JAVA_OPTIONS")) {
        set = env;
      }
    }
    assertThat(set).isNotNull();
    assertThat(set.at("/value").asText()).isEqualTo("-Xmx1g -XX:+UseSerialGC");
  }

  @Test
  void sysResourceIsAddedOnlyWhenAsked() {
    Rendered r = Rendered.render("tapio", "capabilities: {sysResource: true}\n");
    assertThat(strings(r.container().at("/securityContext/capabilities/add")))
        .containsExactlyElementsOf(documentedCapabilities(true));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void theSchemaRefusesValuesTheChartCannotUse(String values, String message) {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> Rendered.render("tapio", values)))
        .hasMessageContaining(message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "otlp: {protocol: udp}\n",
            "at '/otlp/protocol': value must be one of 'grpc', 'http/protobuf'"),
        Arguments.of(
            "otlp: {endpoint: collector:4317}\n",
            "at '/otlp/endpoint': 'collector:4317' does not match pattern"),
        Arguments.of("privileged: true\n", "additional properties 'privileged' not allowed"),
        Arguments.of("seccompProfile: {type: Localhost}\n", "localhostProfile"),
        Arguments.of("customRules: {local.txt: x}\n", "local.txt"),
        Arguments.of("http: {port: 0}\n", "at '/http/port': minimum"));
  }

  /** The capabilities column of README.md's table, in order. */
  static List<String> documentedCapabilities(boolean sysResource) {
    try {
      String readme = Files.readString(Rendered.CHART.resolve("README.md"));
      Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(readme);
      List<String> caps = new ArrayList<>();
      while (row.find()) {
        caps.add(row.group(1));
      }
      assertThat(caps).contains("SYS_RESOURCE");
      return sysResource ? caps : caps.stream().filter(c -> !c.equals("SYS_RESOURCE")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Arguments scenario(
      String name, String namespace, String values, Consumer<Rendered> check) {
    return Arguments.of(name, namespace, values, check);
  }
}
