package dev.tapio.enrich.netpol;

/** A NetworkPolicy by namespace and name; prints as {@code namespace/name}. */
public record PolicyRef(String namespace, String name) {

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
