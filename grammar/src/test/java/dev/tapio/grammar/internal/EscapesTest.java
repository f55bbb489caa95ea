package dev.tapio.grammar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.grammar.SyntaxMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding of quoted strings, as libsinsp's unescape_str does it. */
class EscapesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"plain\"                  | plain",
        "''                         | ``",
        "\"a\\\\b\"                 | a\\b",
        "\"a\\/b\"                  | a/b",
        "\"say \\\"hi\\\"\"         | say \"hi\"",
        "'it\\'s'                   | it's",
        "'mixed \"quotes'           | mixed \"quotes",
        "\"\\x41\\x7a\"             | Az",
        "\"\\xc3\\xa9\"             | é",
        "\"a\\ b\"                  | a\\b",
      })
  void decodes(String quoted, String decoded) {
    assertThat(Escapes.decode(quoted)).isEqualTo(decoded);
  }

  @org.junit.jupiter.api.Test
  void decodesControlCharacters() {
    assertThat(Escapes.decode("\"\\b\\f\\n\\r\\t\"")).isEqualTo("\b\f\n\r\t");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"\\'\"     | invalid \\' escape in \"-quoted string",
        "'\\\"'      | invalid \\\" escape in '-quoted string",
        "\"\\q\"     | unsupported string escape sequence: \\q",
        "\"\\u0041\" | unsupported string escape sequence: \\u",
        "\"\\x4\"    | truncated hex char escape sequence",
        "\"\\x\"     | truncated hex char escape sequence",
        "\"\\x4g\"   | invalid hex char escape sequence: 4g",
        "\"\\x-1\"   | invalid hex char escape sequence: -1",
      })
  void rejects(String quoted, String message) {
    assertThatThrownBy(() -> Escapes.decode(quoted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(message)
        .isIn(
            SyntaxMessages.INVALID_SINGLE_QUOTE_ESCAPE,
            SyntaxMessages.INVALID_DOUBLE_QUOTE_ESCAPE,
            SyntaxMessages.unsupportedEscape("q"),
            SyntaxMessages.unsupportedEscape("u"),
            SyntaxMessages.TRUNCATED_HEX_ESCAPE,
            SyntaxMessages.invalidHexEscape("4g"),
            SyntaxMessages.invalidHexEscape("-1"));
  }
}
