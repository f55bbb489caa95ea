package dev.tapio.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Shared assertions and tree-building shorthands for the grammar tests. */
final class Syntax {

  /** A placeholder position for expected trees, which are compared without positions. */
  static final Position P = Position.START;

  private Syntax() {}

  /**
   * The input as written, with extra blanks around it, and with every space replaced by a line feed
   * and by a tab: libsinsp's parser tests accept each valid input in all these forms.
   */
  static List<String> blankVariants(String input) {
    return List.of(
        input, " \t\n" + input + "\r\n\t ", input.replace(' ', '\n'), input.replace(' ', '\t'));
  }

  /** Asserts that {@code input} parses, in every blank variant. */
  static void assertAccepted(String input) {
    for (String variant : blankVariants(input)) {
      ParseResult<Expr> result = FalcoConditionParser.tryParse(variant);
      assertThat(result).as("parse of %s", quoted(variant)).isInstanceOf(ParseResult.Success.class);
    }
  }

  /** Asserts that {@code input} fails to parse with {@code message} at line 1, {@code column}. */
  static void assertRejected(String input, String message, int column) {
    assertRejected(input, message, 1, column);
  }

  static void assertRejected(String input, String message, int line, int column) {
    ConditionSyntaxError error = error(input);
    assertThat(error.message()).as("message for %s", quoted(input)).isEqualTo(message);
    assertThat(error.position())
        .as("position for %s", quoted(input))
        .extracting(Position::line, Position::column)
        .containsExactly(line, column);
  }

  static ConditionSyntaxError error(String input) {
    return error(input, ParserOptions.defaults());
  }

  static ConditionSyntaxError error(String input, ParserOptions options) {
    ConditionSyntaxException thrown =
        catchThrowableOfType(
            ConditionSyntaxException.class, () -> FalcoConditionParser.parse(input, options));
    assertThat(thrown).as("parse of %s should fail", quoted(input)).isNotNull();
    return thrown.error();
  }

  /** Asserts that {@code input} parses to {@code expected}, positions aside. */
  static void assertTree(String input, Expr expected) {
    assertThat(FalcoConditionParser.parse(input))
        .as("tree of %s", quoted(input))
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*position")
        .isEqualTo(expected);
  }

  static String quoted(String input) {
    return "\"" + input.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "\"";
  }

  static MacroRef macro(String name) {
    return new MacroRef(name, P);
  }

  static And and(Expr... children) {
    return new And(List.of(children), P);
  }

  static Or or(Expr... children) {
    return new Or(List.of(children), P);
  }

  static Not not(Expr child) {
    return new Not(child, P);
  }

  static FieldRef field(String name) {
    return new FieldRef(name, P);
  }

  static FieldRef field(String name, String argument) {
    return new FieldRef(name, argument, P);
  }

  static Literal bare(String value) {
    return new Literal(value, false, P);
  }

  static Literal quotedLiteral(String value) {
    return new Literal(value, true, P);
  }

  static ListValue list(String... items) {
    return new ListValue(List.of(items), P);
  }

  static Transformer transformer(TransformerKind kind, TransformerArg... args) {
    return new Transformer(kind, List.of(args), P);
  }

  static Check check(FieldExpr lhs, Operator operator, Value rhs) {
    return Check.binary(lhs, operator, rhs, P);
  }

  static Check check(String field, Operator operator, Value rhs) {
    return check(field(field), operator, rhs);
  }

  static Check check(String field, Operator operator, String bareValue) {
    return check(field(field), operator, bare(bareValue));
  }

  static Check exists(FieldExpr lhs) {
    return Check.unary(lhs, Operator.EXISTS, P);
  }
}
