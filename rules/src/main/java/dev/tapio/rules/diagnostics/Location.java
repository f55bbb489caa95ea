package dev.tapio.rules.diagnostics;

/**
 * One link of a diagnostic's context chain: what kind of item ({@code rules content}, {@code rule},
 * {@code macro}, {@code rule condition}, ...), its name, and where it is.
 */
public record Location(String itemType, String itemName, SourcePosition position) {

  /** {@code rule 'x': (file:3:1)}, as Falco prints a context line. */
  public String render() {
    String what = itemName.isEmpty() ? itemType : itemType + " '" + itemName + "'";
    return what + ": (" + position + ")";
  }
}
