package dev.tapio.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.image.internal.Commands;
import dev.tapio.image.internal.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image the build wrote (target/tapio-image.tar): what it holds, what its config says, and that
 * building it again from the same inputs gives the same bytes.
 */
class ImageIT {
  static final Path ARCHIVE =
      Path.of(System.getProperty("tapio.image.archive", "target/tapio-image.tar"));
  static final Path JAR =
      Path.of(System.getProperty("tapio.jar", "../engine/app/target/tapio.jar"));
  static final Path CHART = Path.of(System.getProperty("tapio.image.chart", "../helm/tapio"));
  static final Path PACKAGES =
      Path.of(System.getProperty("tapio.image.packages", "debian-packages.txt"));
  static final Path JVM_OPTIONS =
      Path.of(
          System.getProperty("tapio.image.jvmopts", "../engine/app/src/main/jvm/tapio.jvmopts"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path layout;
  static JsonNode index;
  static JsonNode manifest;
  static JsonNode config;

  @BeforeAll
  static void unpack() throws Exception {
    Commands.run(layout, List.of("tar", "-xf", ARCHIVE.toAbsolutePath().toString()));
    index = JSON.readTree(layout.resolve("index.json").toFile());
    manifest = blob(index.at("/manifests/0/digest").asText());
    config = blob(manifest.at("/config/digest").asText());
  }

  private static JsonNode blob(String digest) throws Exception {
    Path file = layout.resolve("blobs/sha256/" + Digests.hex(digest));
    assertThat(Digests.of(file)).as("blob content matches its name").isEqualTo(digest);
    return JSON.readTree(file.toFile());
  }

  @Test
  void isNamedAsTheChartDeploysItAndLabelled() throws Exception {
    assertThat(index.at("/manifests/0/annotations/io.containerd.image.name").asText())
        .isEqualTo(ChartReference.defaultImage(CHART));
    JsonNode labels = config.at("/config/Labels");
    assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("tapio");
    assertThat(labels.path("org.opencontainers.image.version").asText())
        .isEqualTo(ChartReference.appVersion(CHART));
    assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
    assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(labels.path("org.opencontainers.image.description").asText()).contains("eBPF");
    assertThat(labels.path("dev.tapio.image.debian-packages").asText())
        .contains("libbpf1=", "libc6=");
    assertThat(manifest.at("/annotations")).isEqualTo(labels);
  }

  @Test
  void runsTapioJarOnTheLinkedJreAsRoot() throws Exception {
    assertThat(config.at("/config/User").asText()).isEqualTo("0:0");
    assertThat(JSON.convertValue(config.at("/config/Entrypoint"), List.class))
        .isEqualTo(ImageBuild.ENTRYPOINT);
    assertThat(config.at("/config/Cmd/0").asText()).isEqualTo("run");
    assertThat(JSON.convertValue(config.at("/config/Env"), List.class))
        .as("the launcher's JVM options hold without the chart")
        .contains(
            "JDK_JAVA_OPTIONS=" + String.join(" ", ImageBuild.jvmOptions(JVM_OPTIONS)),
            "JAVA_HOME=/opt/java");
    assertThat(config.at("/architecture").asText()).isEqualTo(ImageSpec.hostArchitecture());
    assertThat(config.at("/rootfs/diff_ids")).hasSize(manifest.at("/layers").size());
  }

  @Test
  void holdsLibbpfTheJreWithOnlyTheModulesUsedAndTapioJar() throws Exception {
    List<String> files = new ArrayList<>();
    for (JsonNode layer : manifest.at("/layers")) {
      Path blob = layout.resolve("blobs/sha256/" + Digests.hex(layer.get("digest").asText()));
      files.addAll(Commands.run(layout, List.of("tar", "-tzf", blob.toString())).lines().toList());
    }
    assertThat(files)
        .contains(
            "opt/tapio/tapio.jar",
            "opt/java/bin/java",
            "opt/java/lib/server/libjvm.so",
            "usr/lib/x86_64-linux-gnu/libbpf.so.1",
            "lib64/ld-linux-x86-64.so.2",
            "etc/passwd",
            "usr/share/doc/libbpf1/copyright")
        .noneMatch(f -> f.startsWith("usr/share/man/"))
        .noneMatch(f -> f.startsWith("./"));
    String release = layerFile("opt/java/release");
    assertThat(release)
        .contains("java.base", "jdk.unsupported")
        .doesNotContain("jdk.jshell", "jdk.compiler");
  }

  @Test
  void buildingAgainFromTheSameInputsGivesTheSameImage() throws Exception {
    // beside the first build, so a difference can be looked at
    Path again = ARCHIVE.toAbsolutePath().resolveSibling("image-rebuild");
    var rebuilt =
        new ImageBuild(
                JAR,
                CHART,
                PACKAGES,
                JVM_OPTIONS,
                again.resolve("work"),
                again.resolve("tapio-image.tar"),
                Map.of(
                    "org.opencontainers.image.description",
                    config.at("/config/Labels/org.opencontainers.image.description").asText(),
                    "org.opencontainers.image.source",
                    config.at("/config/Labels/org.opencontainers.image.source").asText(),
                    "org.opencontainers.image.licenses",
                    "Apache-2.0"),
                ImageBuild.sourceDateEpoch())
            .build();
    JsonNode rebuiltIndex = JSON.readTree(again.resolve("work/oci/index.json").toFile());
    Path rebuiltBlobs = again.resolve("work/oci/blobs/sha256");
    JsonNode rebuiltManifest =
        JSON.readTree(
            rebuiltBlobs
                .resolve(Digests.hex(rebuiltIndex.at("/manifests/0/digest").asText()))
                .toFile());
    JsonNode rebuiltConfig =
        JSON.readTree(
            rebuiltBlobs
                .resolve(Digests.hex(rebuiltManifest.at("/config/digest").asText()))
                .toFile());
    assertThat(rebuiltConfig).as("the config").isEqualTo(config);
    assertThat(rebuiltManifest).as("the manifest").isEqualTo(manifest);
    assertThat(rebuilt.manifestDigest()).isEqualTo(index.at("/manifests/0/digest").asText());
    assertThat(Files.mismatch(rebuilt.archive(), ARCHIVE)).isEqualTo(-1);
  }

  private static String layerFile(String name) throws Exception {
    for (JsonNode layer : manifest.at("/layers")) {
      Path blob = layout.resolve("blobs/sha256/" + Digests.hex(layer.get("digest").asText()));
      String listing = Commands.run(layout, List.of("tar", "-tzf", blob.toString()));
      if (listing.lines().anyMatch(name::equals)) {
        return Commands.run(layout, List.of("tar", "-xzOf", blob.toString(), name));
      }
    }
    throw new AssertionError(name + " is in no layer");
  }
}
