package dev.tapio.rules.internal.condition;

import java.util.List;

/** The right-hand side of a check. */
public sealed interface Value {

  /** {@code exists} has none. */
  record None() implements Value {}

  /**
   * A string or number as written; {@code quoted} when it came from quotes (a quoted value is never
   * taken for a field name).
   */
  record Literal(String text, boolean quoted, Pos pos) implements Value {}

  record ListLiteral(List<Literal> items, Pos pos) implements Value {
    public ListLiteral {
      items = List.copyOf(items);
    }
  }

  /** A bare identifier after a list operator (a list name that was not substituted). */
  record ListName(String name, Pos pos) implements Value {}

  /** {@code val(field)} or a transformer on the right. */
  record FieldValue(Operand operand, Pos pos) implements Value {}
}
