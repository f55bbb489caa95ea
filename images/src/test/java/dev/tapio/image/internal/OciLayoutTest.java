package dev.tapio.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.image.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers and the layout from small trees: content-addressed, consistent, reproducible. */
class OciLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);

  private static Path tree(Path root, String mode, long mtime) throws Exception {
    Path bin = Files.createDirectories(root.resolve("opt/bin"));
    Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString(mode));
    Files.writeString(
        Files.createDirectories(root.resolve("etc")).resolve("passwd"), "root:x:0:0\n");
    Files.createSymbolicLink(root.resolve("tool"), Path.of("opt/bin/tool"));
    for (Path p : List.of(tool, root.resolve("etc/passwd"), bin)) {
      Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
    }
    return root;
  }

  private static ImageSpec spec() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("org.opencontainers.image.title", "tapio");
    labels.put("org.opencontainers.image.version", "9.9.9");
    return new ImageSpec(
        "example.org/tapio:9.9.9",
        "amd64",
        List.of("/opt/bin/tool"),
        List.of("run"),
        List.of("PATH=/opt/bin"),
        "0:0",
        labels,
        TIME);
  }

  @Test
  void equalTreesGiveEqualDigestsWhateverTheirTimesAndGroupPermissions(@TempDir Path dir)
      throws Exception {
    Path a = tree(dir.resolve("a/app"), "rwxr-xr-x", 1_000);
    Path b = tree(dir.resolve("b/app"), "rwxrwxr-x", 9_999_000);
    Layer first = Layer.of(a, TIME, dir.resolve("a-blobs"), "app");
    Layer second = Layer.of(b, TIME, dir.resolve("b-blobs"), "app");
    assertThat(second.diffId()).isEqualTo(first.diffId());
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(Digests.of(first.blob())).isEqualTo(first.digest());
    assertThat(Files.size(first.blob())).isEqualTo(first.size());

    var one = OciLayout.write(spec(), List.of(first), dir.resolve("l1"), dir.resolve("one.tar"));
    var two = OciLayout.write(spec(), List.of(second), dir.resolve("l2"), dir.resolve("two.tar"));
    assertThat(two.manifestDigest()).isEqualTo(one.manifestDigest());
    assertThat(Files.mismatch(one.archive(), two.archive())).isEqualTo(-1);
  }

  @Test
  void theLayerHoldsRelativeNamesOwnedByRootAtTheOneTime(@TempDir Path dir) throws Exception {
    Layer layer =
        Layer.of(tree(dir.resolve("app"), "rwx------", 5), TIME, dir.resolve("blobs"), "app");
    String listing =
        Commands.run(
            dir,
            List.of("tar", "--numeric-owner", "--full-time", "-tvzf", layer.blob().toString()));
    assertThat(listing.lines())
        .containsExactly(
            "drwxr-xr-x 0/0               0 2023-11-14 22:13:20 etc/",
            "-rw-r--r-- 0/0              11 2023-11-14 22:13:20 etc/passwd",
            "drwxr-xr-x 0/0               0 2023-11-14 22:13:20 opt/",
            "drwxr-xr-x 0/0               0 2023-11-14 22:13:20 opt/bin/",
            "-rwxr-xr-x 0/0              18 2023-11-14 22:13:20 opt/bin/tool",
            "lrwxr-xr-x 0/0               0 2023-11-14 22:13:20 tool -> opt/bin/tool");
  }

  @Test
  void theIndexNamesTheManifestWhichNamesTheConfigAndLayersByDigest(@TempDir Path dir)
      throws Exception {
    Layer layer =
        Layer.of(tree(dir.resolve("app"), "rwxr-xr-x", 5), TIME, dir.resolve("blobs"), "app files");
    Path layout = dir.resolve("layout");
    var written = OciLayout.write(spec(), List.of(layer), layout, dir.resolve("image.tar"));

    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    JsonNode entry = index.at("/manifests/0");
    assertThat(entry.at("/digest").asText()).isEqualTo(written.manifestDigest());
    assertThat(entry.at("/annotations/io.containerd.image.name").asText())
        .isEqualTo("example.org/tapio:9.9.9");
    assertThat(entry.at("/annotations/org.opencontainers.image.ref.name").asText())
        .isEqualTo("9.9.9");
    assertThat(entry.at("/platform/architecture").asText()).isEqualTo("amd64");

    Path manifestFile = layout.resolve("blobs/sha256/" + Digests.hex(written.manifestDigest()));
    assertThat(Digests.of(manifestFile)).isEqualTo(written.manifestDigest());
    assertThat(entry.at("/size").asLong()).isEqualTo(Files.size(manifestFile));
    JsonNode manifest = JSON.readTree(manifestFile.toFile());
    assertThat(manifest.at("/layers/0/digest").asText()).isEqualTo(layer.digest());
    assertThat(manifest.at("/layers/0/mediaType").asText())
        .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    assertThat(manifest.at("/annotations/org.opencontainers.image.title").asText())
        .isEqualTo("tapio");

    Path configFile =
        layout.resolve("blobs/sha256/" + Digests.hex(manifest.at("/config/digest").asText()));
    assertThat(Digests.of(configFile)).isEqualTo(manifest.at("/config/digest").asText());
    JsonNode config = JSON.readTree(configFile.toFile());
    assertThat(config.at("/rootfs/diff_ids/0").asText()).isEqualTo(layer.diffId());
    assertThat(config.at("/config/User").asText()).isEqualTo("0:0");
    assertThat(config.at("/config/Entrypoint/0").asText()).isEqualTo("/opt/bin/tool");
    assertThat(config.at("/config/Labels/org.opencontainers.image.version").asText())
        .isEqualTo("9.9.9");
    assertThat(config.at("/created").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(config.at("/history/0/created_by").asText()).isEqualTo("app files");

    assertThat(Commands.run(dir, List.of("tar", "-tf", written.archive().toString())).lines())
        .startsWith("blobs/", "blobs/sha256/")
        .contains("index.json", "oci-layout")
        .contains("blobs/sha256/" + Digests.hex(layer.digest()));
  }
}
