package dev.tapio.grammar.internal;

import dev.tapio.grammar.SyntaxMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes quoted strings as libsinsp does: {@code \b \f \n \r \t \\ \/ \xHH}, {@code \"} only in a
 * double-quoted string and {@code \'} only in a single-quoted one; a backslash followed by a space
 * stands for a lone backslash (a legacy quirk); any other escape is an error.
 *
 * <p>libsinsp works on bytes, so {@code \xHH} yields a raw byte; here the decoded bytes are read
 * back as UTF-8, which gives the same text whenever the escapes spell valid UTF-8.
 */
final class Escapes {

  private Escapes() {}

  /**
   * Decodes a quoted string.
   *
   * @param quoted the string with its quotes, as the lexer matched it
   * @throws IllegalArgumentException with one of the {@link SyntaxMessages} when an escape is
   *     invalid
   */
  static String decode(String quoted) {
    char quote = quoted.charAt(0);
    int close = quoted.length() - 1;
    if (quoted.indexOf('\\') < 0) {
      return quoted.substring(1, close);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(quoted.length());
    int i = 1;
    while (i < close) {
      if (quoted.charAt(i) != '\\') {
        int backslash = quoted.indexOf('\\', i);
        int end = backslash < 0 ? close : Math.min(backslash, close);
        appendUtf8(bytes, quoted.substring(i, end));
        i = end;
        continue;
      }
      char escaped = quoted.charAt(i + 1);
      i += 2;
      switch (escaped) {
        case 'b' -> bytes.write('\b');
        case 'f' -> bytes.write('\f');
        case 'n' -> bytes.write('\n');
        case 'r' -> bytes.write('\r');
        case 't' -> bytes.write('\t');
        case ' ', '\\' -> bytes.write('\\');
        case '/' -> bytes.write('/');
        case '"' -> {
          if (quote != '"') {
            throw new IllegalArgumentException(SyntaxMessages.INVALID_DOUBLE_QUOTE_ESCAPE);
          }
          bytes.write('"');
        }
        case '\'' -> {
          if (quote != '\'') {
            throw new IllegalArgumentException(SyntaxMessages.INVALID_SINGLE_QUOTE_ESCAPE);
          }
          bytes.write('\'');
        }
        case 'x' -> {
          if (i + 1 >= close) {
            throw new IllegalArgumentException(SyntaxMessages.TRUNCATED_HEX_ESCAPE);
          }
          int high = Character.digit(quoted.charAt(i), 16);
          int low = Character.digit(quoted.charAt(i + 1), 16);
          if (high < 0 || low < 0 || !isAscii(quoted.charAt(i)) || !isAscii(quoted.charAt(i + 1))) {
            throw new IllegalArgumentException(
                SyntaxMessages.invalidHexEscape(quoted.substring(i, i + 2)));
          }
          bytes.write(high * 16 + low);
          i += 2;
        }
        default ->
            throw new IllegalArgumentException(
                SyntaxMessages.unsupportedEscape(
                    new String(Character.toChars(quoted.codePointAt(i - 1)))));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isAscii(char c) {
    return c < 0x80;
  }

  private static void appendUtf8(ByteArrayOutputStream bytes, String text) {
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
