package dev.tapio.enrich.internal.cri;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds OCI image archives offline: one uncompressed layer made with {@code tar}, a config, a
 * manifest and an index naming the image, all content-addressed by sha256, packed as a tar that
 * {@code ctr images import} reads.
 */
final class OciImages {
  private OciImages() {}

  /** A busybox image: the static busybox as {@code /bin/busybox} plus a few applet links. */
  static Path busybox(Path work, String name) throws IOException, InterruptedException {
    Path rootfs = Files.createDirectories(work.resolve("busybox-rootfs"));
    Path bin = Files.createDirectories(rootfs.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : List.of("sh", "sleep", "cat", "ls")) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Files.createDirectories(rootfs.resolve("proc"));
    Files.createDirectories(rootfs.resolve("dev"));
    Files.createDirectories(rootfs.resolve("sys"));
    Files.createDirectories(rootfs.resolve("tmp"));
    Files.createDirectories(rootfs.resolve("etc"));
    return pack(work, rootfs, name, "[\"/bin/sh\"]", "busybox");
  }

  /** A sandbox image: a static program that waits for a signal and exits. */
  static Path pause(Path work, String name) throws IOException, InterruptedException {
    Path rootfs = Files.createDirectories(work.resolve("pause-rootfs"));
    Path source = work.resolve("pause.c");
    Files.writeString(
        source,
        """
        #include <signal.h>
        #include <stdlib.h>
        #include <unistd.h>
        static void leave(int sig) { (void) sig; exit(0); }
        int main(void) {
          signal(SIGTERM, leave);
          signal(SIGINT, leave);
          for (;;) pause();
        }
        """);
    run(work, "gcc", "-static", "-O2", "-o", rootfs.resolve("pause").toString(), source.toString());
    return pack(work, rootfs, name, "[\"/pause\"]", "pause");
  }

  private static Path pack(Path work, Path rootfs, String name, String cmd, String label)
      throws IOException, InterruptedException {
    Path layout = Files.createDirectories(work.resolve(label + "-oci"));
    Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
    Path layerTar = work.resolve(label + "-layer.tar");
    run(
        work,
        "tar",
        "--numeric-owner",
        "--owner=0",
        "--group=0",
        "-C",
        rootfs.toString(),
        "-cf",
        layerTar.toString(),
        ".");
    byte[] layer = Files.readAllBytes(layerTar);
    String layerDigest = blob(blobs, layer);

    String config =
        """
        {"architecture":"amd64","os":"linux","config":{"Cmd":%s,"Env":["PATH=/bin"]},\
        "rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}"""
            .formatted(cmd, layerDigest);
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String configDigest = blob(blobs, configBytes);

    String manifest =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},\
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%d}]}"""
            .formatted(configDigest, configBytes.length, layerDigest, layer.length);
    byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
    String manifestDigest = blob(blobs, manifestBytes);

    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        layout.resolve("index.json"),
        """
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "digest":"sha256:%s","size":%d,"platform":{"architecture":"amd64","os":"linux"},\
        "annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}"""
            .formatted(
                manifestDigest,
                manifestBytes.length,
                name,
                name.substring(name.lastIndexOf(':') + 1)));
    Path archive = work.resolve(label + "-image.tar");
    run(
        work,
        "tar",
        "-C",
        layout.toString(),
        "-cf",
        archive.toString(),
        "oci-layout",
        "index.json",
        "blobs");
    return archive;
  }

  private static String blob(Path blobs, byte[] content) throws IOException {
    String digest = sha256(content);
    Files.write(blobs.resolve(digest), content);
    return digest;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String run(Path work, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
