package dev.tapio.grammar.internal;

import dev.tapio.grammar.Position;
import java.util.Arrays;

/**
 * A text being parsed, or a region of it, and the mapping from lexer indices to positions.
 *
 * <p>ANTLR indexes code points; positions count UTF-16 code units of the whole text. Lines end at
 * every carriage return and every line feed, as libsinsp counts them.
 */
final class SourceText {

  private final String text;
  private final int start;
  private final String region;
  private final boolean surrogates;
  private final int[] lineStarts;

  SourceText(String text, int start, int end) {
    this.text = text;
    this.start = start;
    this.region = text.substring(start, end);
    this.surrogates = region.codePoints().count() != region.length();
    this.lineStarts = lineStarts(text, end);
  }

  /** The part of the text to lex. */
  String region() {
    return region;
  }

  /** The offset in the whole text of a lexer index (a code point index into the region). */
  int offset(int lexerIndex) {
    return start + (surrogates ? region.offsetByCodePoints(0, lexerIndex) : lexerIndex);
  }

  /** The position of a lexer index. */
  Position position(int lexerIndex) {
    int offset = offset(lexerIndex);
    int found = Arrays.binarySearch(lineStarts, offset);
    int line = found >= 0 ? found : -found - 2;
    return new Position(line + 1, offset - lineStarts[line] + 1, offset);
  }

  private static int[] lineStarts(String text, int end) {
    int[] starts = new int[8];
    int count = 1;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  @Override
  public String toString() {
    return text;
  }
}
