package dev.tapio.grammar;

/** Thrown by the parsing methods of {@link FalcoConditionParser} that do not return a result. */
public final class ConditionSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ConditionSyntaxError error;

  public ConditionSyntaxException(ConditionSyntaxError error) {
    super(error.toString());
    this.error = error;
  }

  public ConditionSyntaxError error() {
    return error;
  }
}
