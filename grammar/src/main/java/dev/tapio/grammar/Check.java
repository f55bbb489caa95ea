package dev.tapio.grammar;

import org.jspecify.annotations.Nullable;

/**
 * A comparison: {@code proc.name = bash}, {@code fd.name exists}, {@code proc.name in (a, b)},
 * {@code tolower(proc.name) startswith anyof (ba, zs)}.
 *
 * @param lhs the field or transformer being tested
 * @param operator the operator
 * @param modifier {@code oneof}/{@code anyof}/{@code allof}, only after a string operator
 * @param rhs what the field is compared with; {@code null} exactly when the operator is unary
 * @param position where the left-hand side starts
 */
public record Check(
    FieldExpr lhs,
    Operator operator,
    @Nullable Modifier modifier,
    @Nullable Value rhs,
    Position position)
    implements Expr {

  public Check {
    if ((rhs == null) != (operator.kind() == Operator.Kind.UNARY)) {
      throw new IllegalArgumentException(
          "operator '" + operator.spelling() + "' and right-hand side " + rhs + " do not match");
    }
    if (modifier != null) {
      if (operator.kind() != Operator.Kind.STRING) {
        throw new IllegalArgumentException(
            "modifier '" + modifier.spelling() + "' after '" + operator.spelling() + "'");
      }
      if (!(rhs instanceof ListValue || rhs instanceof Literal)) {
        throw new IllegalArgumentException(
            "modifier '" + modifier.spelling() + "' needs a list or a list name, not " + rhs);
      }
    }
  }

  /** A unary check such as {@code fd.name exists}. */
  public static Check unary(FieldExpr lhs, Operator operator, Position position) {
    return new Check(lhs, operator, null, null, position);
  }

  /** A binary check without modifier. */
  public static Check binary(FieldExpr lhs, Operator operator, Value rhs, Position position) {
    return new Check(lhs, operator, null, rhs, position);
  }

  @Override
  public String toString() {
    return ConditionPrinter.print(this);
  }
}
