package dev.tapio.grammar;

/**
 * Where something starts in a condition text.
 *
 * <p>Lines and columns count from 1, the offset from 0; columns and offsets count UTF-16 code
 * units. As in libsinsp, each carriage return and each line feed ends a line.
 *
 * @param line 1-based line
 * @param column 1-based column within the line
 * @param offset 0-based index into the text
 */
public record Position(int line, int column, int offset) {

  /** The start of a text. */
  public static final Position START = new Position(1, 1, 0);

  public Position {
    if (line < 1 || column < 1 || offset < 0) {
      throw new IllegalArgumentException(
          "invalid position: line " + line + ", column " + column + ", offset " + offset);
    }
  }

  /** Returns {@code line:column}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
