package dev.tapio.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The chart rendered by real Helm for some values: its manifests as JSON trees. */
record Rendered(List<JsonNode> documents) {
  static final Path CHART = Path.of("tapio").toAbsolutePath();
  static final String KUBE_VERSION = "1.31.0";
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  /** {@code helm template tapio CHART --namespace NAMESPACE -f VALUES}. */
  static Rendered render(String namespace, String valuesYaml) {
    try {
      Path values = Files.createTempFile("values", ".yaml");
      try {
        Files.writeString(values, valuesYaml);
        String manifests =
            new Helm(CHART)
                .template()
                .withName("tapio")
                .withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(values)
                .call();
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(manifests)) {
          YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return new Rendered(documents.stream().filter(d -> d != null && d.has("kind")).toList());
      } finally {
        Files.delete(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one document of {@code kind} (and {@code name} suffix, when several). */
  JsonNode get(String kind) {
    List<JsonNode> matches = all(kind);
    assertThat(matches).as("one %s", kind).hasSize(1);
    return matches.getFirst();
  }

  JsonNode get(String kind, String name) {
    return all(kind).stream()
        .filter(d -> d.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  List<JsonNode> all(String kind) {
    return documents.stream().filter(d -> d.get("kind").asText().equals(kind)).toList();
  }

  List<String> kinds() {
    return documents.stream().map(d -> d.get("kind").asText()).toList();
  }

  JsonNode pod() {
    return get("DaemonSet").at("/spec/template/spec");
  }

  JsonNode container() {
    return pod().at("/containers/0");
  }

  /**
   * Every document read into the Kubernetes API's model classes (fabric8's), failing on any field
   * the API does not have: the classes keep unknown fields aside rather than refusing them, so
   * every object of the tree is checked for leftovers. Kinds outside the core API (a
   * ServiceMonitor) are only checked to be well-formed objects.
   */
  void validateAgainstTheKubernetesApi() {
    for (JsonNode document : documents) {
      HasMetadata object = KUBE.unmarshal(document.toString(), HasMetadata.class);
      String what = document.get("kind").asText() + " " + document.at("/metadata/name").asText();
      if (object instanceof GenericKubernetesResource) {
        assertThat(document.get("kind").asText()).as(what).isEqualTo("ServiceMonitor");
        continue;
      }
      assertThat(unknownFields(object, "", new IdentityHashMap<>())).as(what).isEmpty();
    }
  }

  private static List<String> unknownFields(Object object, String path, Map<Object, Boolean> seen) {
    List<String> unknown = new ArrayList<>();
    if (object == null || seen.put(object, true) != null) {
      return unknown;
    }
    if (object instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknown.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
      }
      return unknown;
    }
    if (object instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k, seen)));
      return unknown;
    }
    if (!object.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return unknown;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class
          || SKIPPED.contains(getter.getName())) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(object);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
      } else {
        unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3), seen));
      }
    }
    return unknown;
  }

  private static final Set<String> SKIPPED = Set.of("getClass", "getPlural", "getSingular");
}
