package dev.tapio.grammar;

/**
 * The messages of condition syntax errors, word for word those of libsinsp's filter parser so that
 * a rule author sees what Falco would say. Tests assert them verbatim.
 */
public final class SyntaxMessages {

  private SyntaxMessages() {}

  private static final String TRANSFORMERS =
      "'val', 'tolower', 'toupper', 'b64', 'basename', 'len', 'join', 'concat', 'getopt'";

  public static final String EMPTY_INPUT = "filter input string is empty";

  public static final String EXPECTED_CHECK =
      "expected a '(' token, a field check, or an identifier";

  public static final String EXPECTED_CLOSING_PAREN = "expected a ')' token";

  public static final String EXPECTED_BLANK_AFTER_AND = "expected blank or '(' after 'and'";

  public static final String EXPECTED_BLANK_AFTER_OR = "expected blank or '(' after 'or'";

  public static final String EXPECTED_FIELD_ARGUMENT =
      "expected a valid field argument: a quoted string or a bare string";

  public static final String EXPECTED_CLOSING_BRACKET = "expected a ']' token";

  public static final String EXPECTED_OPERATOR =
      "expected a valid check operator: one of 'exists', '<=', '<', '>=', '>', '==', '=', '!=',"
          + " 'glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith',"
          + " 'endswith', 'regex', 'intersects', 'in', 'pmatch'";

  public static final String EXPECTED_NUMBER =
      "expected a number value or a field with a valid transformer: " + TRANSFORMERS;

  public static final String EXPECTED_STRING =
      "expected a string value or a field with a valid transformer: " + TRANSFORMERS;

  public static final String EXPECTED_LIST =
      "expected a list, an identifier, or a field with a valid transformer: " + TRANSFORMERS;

  public static final String EXPECTED_LIST_OR_IDENTIFIER = "expected a list or an identifier";

  public static final String EXPECTED_LIST_ITEM = "expected a string value";

  public static final String EXPECTED_VAL_FIELD = "expected a field within 'val' transformer";

  public static final String EXPECTED_TRANSFORMER_ARGUMENT =
      "expected field transformer argument: "
          + "field, transformer, quoted string, number, or transformer list";

  public static final String EXPECTED_TRANSFORMER_CLOSE =
      "expected a ')' token closing the transformer";

  public static final String EXPECTED_TRANSFORMER_LIST_ARGUMENT =
      "expected transformer list argument: field, transformer, quoted string, or number";

  public static final String EXPECTED_TRANSFORMER_LIST_CLOSE = "expected ')'";

  /** A field expression (output format token) starts with neither a field nor a transformer. */
  public static final String EXPECTED_FIELD_EXPRESSION = "expected a field or a field transformer";

  public static final String INVALID_DOUBLE_QUOTE_ESCAPE = "invalid \\\" escape in '-quoted string";

  public static final String INVALID_SINGLE_QUOTE_ESCAPE = "invalid \\' escape in \"-quoted string";

  public static final String TRUNCATED_HEX_ESCAPE = "truncated hex char escape sequence";

  /** Input remains after a complete condition; {@code token} is the last one read. */
  public static String unexpectedTokenAfter(String token) {
    return "unexpected token after '" + token + "', expecting 'or', 'and'";
  }

  public static String maxDepthExceeded(int maxDepth) {
    return "exceeded max depth limit of " + maxDepth;
  }

  /** {@code \x} followed by two characters that are not both hex digits. */
  public static String invalidHexEscape(String twoCharacters) {
    return "invalid hex char escape sequence: " + twoCharacters;
  }

  /** A backslash followed by {@code character}, which starts no escape sequence. */
  public static String unsupportedEscape(String character) {
    return "unsupported string escape sequence: \\" + character;
  }
}
