package dev.tapio.image.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One image layer: a directory tree as a tar whose bytes depend only on the tree's names, contents,
 * modes and link targets (sorted entries, one fixed time, owner 0:0, no access times, no extended
 * attributes), then gzip-compressed by the JDK's deflater.
 *
 * @param diffId the digest of the uncompressed tar (the image config lists these)
 * @param digest the digest of the compressed blob (the manifest lists these)
 * @param size the compressed blob's size in bytes
 * @param blob the compressed blob
 * @param createdBy what made the layer, for the image's history
 */
public record Layer(String diffId, String digest, long size, Path blob, String createdBy) {

  /** Packs {@code tree} into {@code work}, every entry stamped with {@code time}. */
  public static Layer of(Path tree, Instant time, Path work, String createdBy) throws IOException {
    Files.createDirectories(work);
    String name = tree.getFileName().toString();
    Path tar = work.resolve(name + ".tar");
    ReproducibleTar.pack(tree, topLevel(tree), time, tar);
    Path blob = work.resolve(name + ".tar.gz");
    gzip(tar, blob);
    Layer layer = new Layer(Digests.of(tar), Digests.of(blob), Files.size(blob), blob, createdBy);
    Files.delete(tar);
    return layer;
  }

  /** The tree's top-level names: the tar holds {@code bin/...}, not {@code ./bin/...}. */
  private static List<String> topLevel(Path tree) throws IOException {
    try (Stream<Path> children = Files.list(tree)) {
      return new ArrayList<>(children.map(c -> c.getFileName().toString()).sorted().toList());
    }
  }

  /**
   * The JDK's gzip writes a fixed header (no name, no time), so the blob depends only on the tar
   * and the deflater: the fastest level, since tapio.jar is compressed already.
   */
  static void gzip(Path from, Path to) throws IOException {
    try (InputStream in = Files.newInputStream(from);
        OutputStream out = new FastGzip(Files.newOutputStream(to))) {
      in.transferTo(out);
    }
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
