package dev.tapio.grammar;

import org.jspecify.annotations.Nullable;

/**
 * {@code val(field)}: compares with another field of the same event, as in {@code proc.name =
 * val(proc.pname)}. Allowed only on the right-hand side; it holds exactly one field, never a
 * transformer.
 *
 * @param field the field
 * @param argument an optional {@code [arg]} after the closing parenthesis, decoded as for {@link
 *     FieldRef#argument()}
 * @param position where {@code val(} starts
 */
public record FieldValue(FieldRef field, @Nullable String argument, Position position)
    implements Value {

  /** {@code val(field)} without trailing argument. */
  public FieldValue(FieldRef field, Position position) {
    this(field, null, position);
  }

  @Override
  public String toString() {
    return ConditionPrinter.printValue(this);
  }
}
