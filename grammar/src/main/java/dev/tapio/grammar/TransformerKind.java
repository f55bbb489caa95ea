package dev.tapio.grammar;

import java.util.Optional;

/**
 * The field transformers the grammar knows. Which ones a rule may use, and with how many arguments,
 * is decided when the rule is compiled. {@code val} is not among them: it is {@link FieldValue}.
 */
public enum TransformerKind {
  TOLOWER("tolower"),
  TOUPPER("toupper"),
  B64("b64"),
  BASENAME("basename"),
  LEN("len"),
  JOIN("join"),
  CONCAT("concat"),
  GETOPT("getopt");

  private final String spelling;

  TransformerKind(String spelling) {
    this.spelling = spelling;
  }

  /** The name as written before {@code (}. */
  public String spelling() {
    return spelling;
  }

  /** The transformer named {@code text}, if any; names are case-sensitive. */
  public static Optional<TransformerKind> fromSpelling(String text) {
    for (TransformerKind kind : values()) {
      if (kind.spelling.equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
