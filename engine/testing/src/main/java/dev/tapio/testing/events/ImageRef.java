package dev.tapio.testing.events;

/** Splits an image reference ({@code registry/repo:tag@sha256:...}) into its parts. */
final class ImageRef {
  private ImageRef() {}

  static String repository(String image) {
    String withoutDigest = stripDigest(image);
    int colon = tagColon(withoutDigest);
    return colon < 0 ? withoutDigest : withoutDigest.substring(0, colon);
  }

  static String tag(String image) {
    String withoutDigest = stripDigest(image);
    int colon = tagColon(withoutDigest);
    return colon < 0 ? "" : withoutDigest.substring(colon + 1);
  }

  static String digest(String image) {
    int at = image.indexOf('@');
    return at < 0 ? "" : image.substring(at + 1);
  }

  private static String stripDigest(String image) {
    int at = image.indexOf('@');
    return at < 0 ? image : image.substring(0, at);
  }

  /** The colon before a tag: after the last slash, so a registry port is not taken for a tag. */
  private static int tagColon(String ref) {
    int colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? colon : -1;
  }
}
