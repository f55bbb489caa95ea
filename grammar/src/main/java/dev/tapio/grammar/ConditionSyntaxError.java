package dev.tapio.grammar;

/**
 * Why a condition (or field expression) does not parse, and where.
 *
 * @param message one of the {@link SyntaxMessages}
 * @param position where the parser stood when it gave up; as in libsinsp this is usually the first
 *     character it could not use
 */
public record ConditionSyntaxError(String message, Position position) {

  /** Returns {@code line:column: message}. */
  @Override
  public String toString() {
    return position + ": " + message;
  }
}
