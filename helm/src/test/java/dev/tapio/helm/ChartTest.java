package dev.tapio.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart, linted and rendered by the real Helm library. */
class ChartTest {
  private static final Path CHART = Path.of("tapio").toAbsolutePath();
  private static final ObjectMapper YAML = new YAMLMapper();

  @Test
  void lintsCleanInStrictMode() {
    LintResult result = new Helm(CHART).lint().strict().call();
    assertThat(result.getMessages()).allMatch(m -> m.startsWith("[INFO]"));
    assertThat(result.isFailed()).isFalse();
  }

  @Test
  void rendersADaemonSetOnEveryNodeWithTheCapabilitiesTheSensorsNeed() throws IOException {
    Map<String, JsonNode> byKind = render(Map.of());

    assertThat(byKind).containsKeys("DaemonSet", "ServiceAccount", "ClusterRole", "ConfigMap");
    JsonNode pod = byKind.get("DaemonSet").at("/spec/template/spec");
    assertThat(pod.get("hostPID").asBoolean()).isTrue();
    assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Exists");
    JsonNode container = pod.at("/containers/0");
    assertThat(container.get("image").asText()).isEqualTo("ghcr.io/tapio-security/tapio:0.1.0");
    assertThat(container.at("/securityContext/capabilities/add").toString())
        .contains("BPF", "PERFMON", "NET_ADMIN");
    assertThat(container.at("/securityContext/privileged").asBoolean()).isFalse();
    JsonNode clusterRole = byKind.get("ClusterRole");
    assertThat(clusterRole.toString()).doesNotContain("create", "delete", "update", "patch");
  }

  @Test
  void customRulesAndTheOtlpEndpointReachThePod() throws IOException {
    Map<String, JsonNode> byKind =
        render(
            Map.of(
                "customRules.local\\.yaml",
                "- list: x",
                "otlp.endpoint",
                "http://collector:4317",
                "cluster.name",
                "prod-1"));

    assertThat(byKind.get("ConfigMap").at("/data").toString()).contains("local.yaml", "list: x");
    String env = byKind.get("DaemonSet").at("/spec/template/spec/containers/0/env").toString();
    assertThat(env)
        .contains("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")
        .contains("TAPIO_CLUSTER_NAME", "prod-1");
  }

  private static Map<String, JsonNode> render(Map<String, String> values) throws IOException {
    var template = new Helm(CHART).template().withName("tapio");
    values.forEach(template::set);
    String manifests = template.call();
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(manifests)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    return documents.stream()
        .filter(d -> d != null && d.has("kind"))
        .collect(Collectors.toMap(d -> d.get("kind").asText(), d -> d, (a, b) -> a));
  }
}
