package dev.tapio.enrich.internal.cri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.marcnuri.helm.Helm;
import dev.tapio.enrich.internal.cri.v1.ContainerConfig;
import dev.tapio.enrich.internal.cri.v1.ContainerMetadata;
import dev.tapio.enrich.internal.cri.v1.ImageSpec;
import dev.tapio.enrich.internal.cri.v1.LinuxContainerConfig;
import dev.tapio.enrich.internal.cri.v1.LinuxContainerSecurityContext;
import dev.tapio.enrich.internal.cri.v1.LinuxPodSandboxConfig;
import dev.tapio.enrich.internal.cri.v1.LinuxSandboxSecurityContext;
import dev.tapio.enrich.internal.cri.v1.Mount;
import dev.tapio.enrich.internal.cri.v1.NamespaceMode;
import dev.tapio.enrich.internal.cri.v1.NamespaceOption;
import dev.tapio.enrich.internal.cri.v1.PodSandboxConfig;
import dev.tapio.enrich.internal.cri.v1.PodSandboxMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The Helm chart's DaemonSet pod, rendered by real Helm, handed to the CRI the way the kubelet
 * would on one node: host namespaces, the container's security context (capabilities, user, read-
 * only root, no new privileges, seccomp), environment, and every volume as a bind mount (host paths
 * as they are; ConfigMaps, Secrets and emptyDirs as directories the kubelet would have written).
 *
 * <p>Tapio's trimmed CRI protocol declares only what enrichment reads, so the security-context and
 * environment fields go on the wire as protobuf fields by number, as the CRI's {@code api.proto}
 * numbers them.
 */
final class ChartPod {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  // runtime.v1 field numbers (k8s.io/cri-api pkg/apis/runtime/v1/api.proto)
  private static final int CONTAINER_ENVS = 6;
  private static final int SC_CAPABILITIES = 1;
  private static final int SC_RUN_AS_USER = 5;
  private static final int SC_READONLY_ROOTFS = 7;
  private static final int SC_NO_NEW_PRIVS = 11;
  private static final int SC_RUN_AS_GROUP = 12;
  private static final int SC_SECCOMP = 15;
  private static final int CAPABILITY_ADD = 1;
  private static final int CAPABILITY_DROP = 2;
  private static final int PROFILE_TYPE = 1;
  private static final int PROFILE_LOCALHOST_REF = 2;

  final List<JsonNode> documents;
  final JsonNode pod;
  final JsonNode container;

  private ChartPod(List<JsonNode> documents) {
    this.documents = documents;
    JsonNode daemonSet = one("DaemonSet", null);
    this.pod = daemonSet.at("/spec/template/spec");
    this.container = pod.at("/containers/0");
  }

  /** {@code helm template tapio CHART --namespace tapio -f values}. */
  static ChartPod render(Path chart, String valuesYaml, Path work) throws IOException {
    Path values = Files.writeString(work.resolve("values.yaml"), valuesYaml);
    String manifests =
        new Helm(chart)
            .template()
            .withName("tapio")
            .withNamespace("tapio")
            .withValuesFile(values)
            .call();
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(manifests)) {
      YAML.readValues(parser, JsonNode.class)
          .forEachRemaining(
              d -> {
                if (d != null && d.has("kind")) {
                  documents.add(d);
                }
              });
    }
    return new ChartPod(documents);
  }

  /** A Secret that exists in the cluster already (the chart names it, it does not render it). */
  ChartPod withSecret(String name, String key, String value) {
    var secret = YAML.createObjectNode();
    secret.put("kind", "Secret").putObject("metadata").put("name", name);
    secret.putObject("stringData").put(key, value);
    documents.add(secret);
    return this;
  }

  String image() {
    return container.get("image").asText();
  }

  /** The capabilities the container adds, as the chart spells them. */
  List<String> capabilities() {
    return strings(container.at("/securityContext/capabilities/add"));
  }

  /** The sandbox: the chart's host namespaces (host PID, its own network unless hostNetwork). */
  PodSandboxConfig sandbox(String name, String uid, Path logDirectory, String cgroupParent) {
    boolean hostNetwork = pod.path("hostNetwork").asBoolean(false);
    return PodSandboxConfig.newBuilder()
        .setMetadata(
            PodSandboxMetadata.newBuilder().setName(name).setNamespace("tapio").setUid(uid))
        .setHostname(hostNetwork ? "" : name)
        .setLogDirectory(logDirectory.toString())
        .putLabels("io.kubernetes.pod.name", name)
        .putLabels("io.kubernetes.pod.namespace", "tapio")
        .putLabels("io.kubernetes.pod.uid", uid)
        .setLinux(
            LinuxPodSandboxConfig.newBuilder()
                .setCgroupParent(cgroupParent)
                .setSecurityContext(
                    LinuxSandboxSecurityContext.newBuilder().setNamespaceOptions(namespaces())))
        .build();
  }

  private NamespaceOption namespaces() {
    return NamespaceOption.newBuilder()
        .setPid(pod.path("hostPID").asBoolean(false) ? NamespaceMode.NODE : NamespaceMode.POD)
        .setNetwork(
            pod.path("hostNetwork").asBoolean(false) ? NamespaceMode.NODE : NamespaceMode.POD)
        .build();
  }

  /**
   * The container, its volumes materialised under {@code volumes}; {@code capabilities} edits the
   * added capabilities (identity for the chart's own), {@code hostPaths} maps a host path to where
   * it is on this machine (identity for most).
   */
  ContainerConfig container(
      String podName,
      String nodeName,
      Path volumes,
      UnaryOperator<List<String>> capabilities,
      UnaryOperator<String> hostPaths)
      throws IOException {
    JsonNode sc = container.path("securityContext");
    if (sc.path("privileged").asBoolean(false)) {
      throw new IllegalStateException("the chart asks for a privileged container");
    }
    UnknownFieldSet.Builder security = UnknownFieldSet.newBuilder();
    UnknownFieldSet.Builder caps = UnknownFieldSet.newBuilder();
    capabilities
        .apply(strings(sc.at("/capabilities/add")))
        .forEach(c -> addString(caps, CAPABILITY_ADD, c));
    strings(sc.at("/capabilities/drop")).forEach(c -> addString(caps, CAPABILITY_DROP, c));
    addMessage(security, SC_CAPABILITIES, caps.build());
    if (sc.has("runAsUser")) {
      addMessage(security, SC_RUN_AS_USER, varint(1, sc.get("runAsUser").asLong()));
    }
    if (sc.has("runAsGroup")) {
      addMessage(security, SC_RUN_AS_GROUP, varint(1, sc.get("runAsGroup").asLong()));
    }
    addVarint(
        security, SC_READONLY_ROOTFS, sc.path("readOnlyRootFilesystem").asBoolean(false) ? 1 : 0);
    addVarint(
        security, SC_NO_NEW_PRIVS, sc.path("allowPrivilegeEscalation").asBoolean(true) ? 0 : 1);
    addMessage(security, SC_SECCOMP, seccomp(pod.at("/securityContext/seccompProfile")));

    ContainerConfig.Builder config =
        ContainerConfig.newBuilder()
            .setMetadata(ContainerMetadata.newBuilder().setName(container.get("name").asText()))
            .setImage(ImageSpec.newBuilder().setImage(image()))
            .addAllArgs(strings(container.get("args")))
            .setLogPath(container.get("name").asText() + ".log")
            .putLabels("io.kubernetes.pod.name", podName)
            .putLabels("io.kubernetes.pod.namespace", "tapio")
            .putLabels("io.kubernetes.container.name", container.get("name").asText())
            .addAllMounts(mounts(volumes, hostPaths))
            .setLinux(
                LinuxContainerConfig.newBuilder()
                    .setSecurityContext(
                        LinuxContainerSecurityContext.newBuilder()
                            .setPrivileged(false)
                            .setNamespaceOptions(namespaces())
                            .setUnknownFields(security.build())));
    UnknownFieldSet.Builder envs = UnknownFieldSet.newBuilder();
    for (JsonNode env : container.path("env")) {
      String value =
          env.has("value") ? env.get("value").asText() : valueFrom(env.get("valueFrom"), nodeName);
      UnknownFieldSet.Builder kv = UnknownFieldSet.newBuilder();
      addString(kv, 1, env.get("name").asText());
      addString(kv, 2, value);
      addMessage(envs, CONTAINER_ENVS, kv.build());
    }
    return config.setUnknownFields(envs.build()).build();
  }

  private String valueFrom(JsonNode from, String nodeName) {
    if (from.at("/fieldRef/fieldPath").asText().equals("spec.nodeName")) {
      return nodeName;
    }
    JsonNode ref = from.path("secretKeyRef");
    return secret(ref.get("name").asText(), ref.get("key").asText());
  }

  private UnknownFieldSet seccomp(JsonNode profile) {
    UnknownFieldSet.Builder set = UnknownFieldSet.newBuilder();
    String type = profile.path("type").asText("RuntimeDefault");
    addVarint(
        set,
        PROFILE_TYPE,
        switch (type) {
          case "Unconfined" -> 1;
          case "Localhost" -> 2;
          default -> 0;
        });
    if (type.equals("Localhost")) {
      addString(set, PROFILE_LOCALHOST_REF, profile.path("localhostProfile").asText());
    }
    return set.build();
  }

  /** Every volume mount as a bind mount, materialising what the kubelet would have written. */
  private List<Mount> mounts(Path volumes, UnaryOperator<String> hostPaths) throws IOException {
    List<Mount> mounts = new ArrayList<>();
    for (JsonNode mount : container.path("volumeMounts")) {
      String name = mount.get("name").asText();
      JsonNode volume =
          StreamSupport.stream(pod.path("volumes").spliterator(), false)
              .filter(v -> v.get("name").asText().equals(name))
              .findFirst()
              .orElseThrow();
      Path source;
      if (volume.has("hostPath")) {
        source = Path.of(hostPaths.apply(volume.at("/hostPath/path").asText()));
      } else if (volume.has("configMap")) {
        source =
            files(
                volumes.resolve(name),
                one("ConfigMap", volume.at("/configMap/name").asText()).path("data"),
                false);
      } else if (volume.has("secret")) {
        JsonNode secret = one("Secret", volume.at("/secret/secretName").asText());
        source = files(volumes.resolve(name), secret.path("data"), true);
        files(source, secret.path("stringData"), false);
        for (JsonNode item : volume.at("/secret/items")) {
          Files.move(
              source.resolve(item.get("key").asText()), source.resolve(item.get("path").asText()));
        }
      } else if (volume.has("emptyDir")) {
        source = Files.createDirectories(volumes.resolve(name));
      } else {
        throw new IllegalStateException("volume kind not handled: " + volume);
      }
      if (mount.has("subPath")) {
        source = source.resolve(mount.get("subPath").asText());
      }
      mounts.add(
          Mount.newBuilder()
              .setContainerPath(mount.get("mountPath").asText())
              .setHostPath(source.toString())
              .setReadonly(mount.path("readOnly").asBoolean(false))
              .build());
    }
    return mounts;
  }

  private static Path files(Path dir, JsonNode data, boolean base64) throws IOException {
    Files.createDirectories(dir);
    for (var entry : data.properties()) {
      String text = entry.getValue().asText();
      byte[] bytes =
          base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve(entry.getKey()), bytes);
    }
    return dir;
  }

  private String secret(String name, String key) {
    JsonNode secret = one("Secret", name);
    if (secret.at("/stringData").has(key)) {
      return secret.at("/stringData/" + key).asText();
    }
    String encoded = secret.at("/data/" + key).asText();
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  JsonNode one(String kind, @Nullable String name) {
    return documents.stream()
        .filter(d -> d.get("kind").asText().equals(kind))
        .filter(d -> name == null || d.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the chart rendered no " + kind + " " + name));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static void addString(UnknownFieldSet.Builder set, int field, String value) {
    set.mergeField(
        field,
        UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(ByteString.copyFromUtf8(value))
            .build());
  }

  private static void addMessage(UnknownFieldSet.Builder set, int field, UnknownFieldSet message) {
    set.mergeField(
        field,
        UnknownFieldSet.Field.newBuilder().addLengthDelimited(message.toByteString()).build());
  }

  private static void addVarint(UnknownFieldSet.Builder set, int field, long value) {
    set.mergeField(field, UnknownFieldSet.Field.newBuilder().addVarint(value).build());
  }

  private static UnknownFieldSet varint(int field, long value) {
    UnknownFieldSet.Builder set = UnknownFieldSet.newBuilder();
    addVarint(set, field, value);
    return set.build();
  }
}
