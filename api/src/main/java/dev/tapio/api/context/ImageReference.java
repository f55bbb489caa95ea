package dev.tapio.api.context;

/**
 * A container image reference split into its parts: {@code registry:5000/team/app:1.2@sha256:ab}
 * has repository {@code registry:5000/team/app}, tag {@code 1.2} and digest {@code sha256:ab}. A
 * colon in the registry part ({@code host:5000/repo}) is a port, not a tag; a bare image id ({@code
 * sha256:0123}) is a digest with no repository. Missing parts are empty.
 */
public record ImageReference(String repository, String tag, String digest) {

  private static final String IMAGE_ID_PREFIX = "sha256:";

  public static ImageReference parse(String image) {
    int at = image.indexOf('@');
    String digest = at < 0 ? "" : image.substring(at + 1);
    String named = at < 0 ? image : image.substring(0, at);
    if (named.startsWith(IMAGE_ID_PREFIX)) {
      return new ImageReference("", "", digest.isEmpty() ? named : digest);
    }
    int colon = named.lastIndexOf(':');
    if (colon <= named.lastIndexOf('/')) { // a colon before the last slash is a registry port
      return new ImageReference(named, "", digest);
    }
    return new ImageReference(named.substring(0, colon), named.substring(colon + 1), digest);
  }

  /**
   * The digest a repository-digest reference ({@code repo@sha256:...}, what runtimes report as the
   * image's ref or id) names, else empty: a bare image id ({@code sha256:...}) is the digest of the
   * image's configuration, not of what was pulled, and names none.
   */
  public static String repositoryDigestOf(String reference) {
    int at = reference.indexOf('@');
    return at < 0 ? "" : reference.substring(at + 1);
  }
}
