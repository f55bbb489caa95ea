package dev.tapio.enrich.internal.cri;

/**
 * An image reference split into repository, tag and digest: {@code registry/repo:tag}, {@code
 * repo@sha256:...}, {@code repo:tag@sha256:...}. A colon in the registry part ({@code
 * host:5000/repo}) is a port, not a tag.
 */
public record ImageRef(String repository, String tag, String digest) {

  public static ImageRef parse(String reference) {
    String rest = reference;
    String digest = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    if (rest.startsWith("sha256:")) {
      return new ImageRef("", "", digest.isEmpty() ? rest : digest);
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageRef(rest, tag, digest);
  }

  /** The digest named by a repo-digest reference ({@code repo@sha256:...}), else empty. */
  public static String digestOf(String reference) {
    int at = reference.indexOf('@');
    return at >= 0 ? reference.substring(at + 1) : "";
  }
}
