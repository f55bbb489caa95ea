package dev.tapio.api.context;

/**
 * A container image reference split into its parts: {@code registry:5000/team/app:1.2@sha256:ab}
 * has repository {@code registry:5000/team/app}, tag {@code 1.2} and digest {@code sha256:ab}.
 * Missing parts are empty.
 */
public record ImageReference(String repository, String tag, String digest) {

  public static ImageReference parse(String image) {
    int at = image.indexOf('@');
    String digest = at < 0 ? "" : image.substring(at + 1);
    String named = at < 0 ? image : image.substring(0, at);
    int colon = named.lastIndexOf(':');
    if (colon <= named.lastIndexOf('/')) { // a colon before the last slash is a registry port
      return new ImageReference(named, "", digest);
    }
    return new ImageReference(named.substring(0, colon), named.substring(colon + 1), digest);
  }
}
