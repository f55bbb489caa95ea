package dev.tapio.grammar;

import dev.tapio.grammar.internal.ConditionParsing;

/**
 * Parses Falco conditions, accepting exactly what libsinsp's filter parser accepts, into the sealed
 * tree of {@link Expr}.
 *
 * <pre>{@code
 * Expr e = FalcoConditionParser.parse("spawned_process and proc.name in (bash, sh)");
 * }</pre>
 *
 * <p>Conditions are parsed as written: Falco's textual list substitution and exception building
 * happen before, macro expansion after, in the rule loader. All methods are thread-safe.
 */
public final class FalcoConditionParser {

  private FalcoConditionParser() {}

  /**
   * Parses a condition with the rule loader's settings ({@link ParserOptions#defaults()}).
   *
   * @throws ConditionSyntaxException if {@code text} is not a condition
   */
  public static Expr parse(String text) {
    return parse(text, ParserOptions.defaults());
  }

  /**
   * Parses a condition.
   *
   * @throws ConditionSyntaxException if {@code text} is not a condition
   */
  public static Expr parse(String text, ParserOptions options) {
    return ConditionParsing.condition(text, options);
  }

  /** Parses a condition with the rule loader's settings, returning the error as a value. */
  public static ParseResult<Expr> tryParse(String text) {
    return tryParse(text, ParserOptions.defaults());
  }

  /** Parses a condition, returning the error as a value. */
  public static ParseResult<Expr> tryParse(String text, ParserOptions options) {
    try {
      return new ParseResult.Success<>(parse(text, options));
    } catch (ConditionSyntaxException e) {
      return new ParseResult.Failure<>(e.error());
    }
  }

  /**
   * Reads the field or transformer that starts exactly at {@code start}, the way Falco's output
   * formatter reads the token after a {@code %}: {@code proc.aname[2]} out of {@code
   * "%proc.aname[2] ran"} with {@code start} 1, or {@code tolower(proc.name)}. The expression ends
   * where its syntax ends; whatever follows is left alone.
   *
   * <p>Positions and the returned end are offsets into the whole {@code text}.
   *
   * @throws ConditionSyntaxException if no field or transformer starts at {@code start}
   */
  public static FieldExpressionMatch parseFieldExpression(String text, int start) {
    return parseFieldExpression(text, start, text.length());
  }

  /**
   * Like {@link #parseFieldExpression(String, int)}, seeing only the text before {@code end}.
   * Falco's formatter shortens that window until the expression also names a known field.
   *
   * @throws ConditionSyntaxException if no field or transformer starts at {@code start}
   */
  public static FieldExpressionMatch parseFieldExpression(String text, int start, int end) {
    return ConditionParsing.fieldExpression(text, start, end, ParserOptions.defaults());
  }

  /** Like {@link #parseFieldExpression(String, int, int)}, returning the error as a value. */
  public static ParseResult<FieldExpressionMatch> tryParseFieldExpression(
      String text, int start, int end) {
    try {
      return new ParseResult.Success<>(parseFieldExpression(text, start, end));
    } catch (ConditionSyntaxException e) {
      return new ParseResult.Failure<>(e.error());
    }
  }
}
