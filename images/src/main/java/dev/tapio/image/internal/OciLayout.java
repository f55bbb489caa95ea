package dev.tapio.image.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapio.image.ImageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes an OCI image layout (image-spec v1.1: {@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/...}) for one image and packs it as a tar that {@code ctr images import}, {@code
 * podman load} and {@code skopeo copy oci-archive:} read. Every JSON document is written with its
 * fields in a fixed order, so equal inputs give equal digests.
 */
public final class OciLayout {
  public static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The image written: its reference and the digest of its manifest. */
  public record Written(String name, String manifestDigest, Path archive) {}

  private OciLayout() {}

  /** Writes the layout for {@code spec} and {@code layers} under {@code layout}, packs it. */
  public static Written write(ImageSpec spec, List<Layer> layers, Path layout, Path archive)
      throws IOException {
    Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
    for (Layer layer : layers) {
      Files.copy(
          layer.blob(),
          blobs.resolve(Digests.hex(layer.digest())),
          StandardCopyOption.REPLACE_EXISTING);
    }
    byte[] config = JSON.writeValueAsBytes(config(spec, layers));
    String configDigest = blob(blobs, config);

    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_TYPE);
    manifest.set("config", descriptor(CONFIG_TYPE, configDigest, config.length));
    ArrayNode layerList = manifest.putArray("layers");
    layers.forEach(l -> layerList.add(descriptor(LAYER_TYPE, l.digest(), l.size())));
    ObjectNode annotations = manifest.putObject("annotations");
    spec.labels().forEach(annotations::put);
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    String manifestDigest = blob(blobs, manifestBytes);

    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", "application/vnd.oci.image.index.v1+json");
    ObjectNode entry = descriptor(MANIFEST_TYPE, manifestDigest, manifestBytes.length);
    entry.putObject("platform").put("architecture", spec.architecture()).put("os", "linux");
    entry
        .putObject("annotations")
        .put("io.containerd.image.name", spec.name())
        .put("org.opencontainers.image.ref.name", spec.tag());
    index.putArray("manifests").add(entry);
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");

    Files.createDirectories(archive.toAbsolutePath().getParent());
    ReproducibleTar.pack(
        layout, List.of("blobs", "index.json", "oci-layout"), spec.created(), archive);
    return new Written(spec.name(), manifestDigest, archive);
  }

  private static ObjectNode config(ImageSpec spec, List<Layer> layers) {
    ObjectNode root = JSON.createObjectNode();
    root.put("created", spec.created().toString());
    root.put("architecture", spec.architecture());
    root.put("os", "linux");
    ObjectNode config = root.putObject("config");
    config.put("User", spec.user());
    strings(config.putArray("Env"), spec.env());
    strings(config.putArray("Entrypoint"), spec.entrypoint());
    strings(config.putArray("Cmd"), spec.cmd());
    config.put("WorkingDir", "/");
    ObjectNode labels = config.putObject("Labels");
    spec.labels().forEach(labels::put);
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    strings(rootfs.putArray("diff_ids"), layers.stream().map(Layer::diffId).toList());
    ArrayNode history = root.putArray("history");
    for (Layer layer : layers) {
      history
          .addObject()
          .put("created", spec.created().toString())
          .put("created_by", layer.createdBy());
    }
    return root;
  }

  private static ObjectNode descriptor(String mediaType, String digest, long size) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mediaType", mediaType);
    node.put("digest", digest);
    node.put("size", size);
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String blob(Path blobs, byte[] content) throws IOException {
    String digest = Digests.of(content);
    Files.write(blobs.resolve(Digests.hex(digest)), content);
    return digest;
  }
}
