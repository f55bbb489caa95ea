package dev.tapio.grammar;

import java.util.List;

/**
 * {@code a or b or ...}: true when some child is true.
 *
 * @param children the operands, in source order; the parser always gives at least two
 * @param position where the text of the first operand starts, including a parenthesis or {@code
 *     not} before it; for the outermost {@code or}, the start of the condition
 */
public record Or(List<Expr> children, Position position) implements Expr {

  public Or {
    children = List.copyOf(children);
    if (children.isEmpty()) {
      throw new IllegalArgumentException("an 'or' needs operands");
    }
  }

  @Override
  public String toString() {
    return ConditionPrinter.print(this);
  }
}
