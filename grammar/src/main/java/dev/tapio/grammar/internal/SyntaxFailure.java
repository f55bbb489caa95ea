package dev.tapio.grammar.internal;

/**
 * A syntax error found while lexing or parsing, located by its index in the lexed text (in code
 * points, as ANTLR counts). {@link ConditionParsing} turns it into a public error value.
 */
final class SyntaxFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int index;

  SyntaxFailure(String message, int index) {
    super(message, null, false, false);
    this.index = index;
  }

  int index() {
    return index;
  }
}
