package dev.tapio.grammar;

/**
 * The outcome of parsing, as a value: a parsed {@code T} or a syntax error.
 *
 * @param <T> what was parsed
 */
public sealed interface ParseResult<T> {

  /** Parsing succeeded. */
  record Success<T>(T value) implements ParseResult<T> {}

  /** Parsing failed. */
  record Failure<T>(ConditionSyntaxError error) implements ParseResult<T> {}
}
