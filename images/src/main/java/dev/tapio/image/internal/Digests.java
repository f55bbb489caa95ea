package dev.tapio.image.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the OCI spelling ({@code sha256:<hex>}). */
public final class Digests {
  private Digests() {}

  public static String of(byte[] content) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(content));
  }

  public static String of(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  /** The hex part of a digest: a blob's file name under {@code blobs/sha256}. */
  public static String hex(String digest) {
    return digest.substring("sha256:".length());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
