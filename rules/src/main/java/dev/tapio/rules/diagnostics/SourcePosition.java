package dev.tapio.rules.diagnostics;

/**
 * A place in a text: the text's name (a file name, or the first characters of a condition), a
 * 1-based line and column, and a 0-based character offset. Line 0 means "the whole text".
 */
public record SourcePosition(String name, int line, int column, int offset) {

  public static SourcePosition wholeFile(String name) {
    return new SourcePosition(name, 0, 0, 0);
  }

  /** {@code name:line:column}. */
  @Override
  public String toString() {
    return name + ":" + line + ":" + column;
  }
}
