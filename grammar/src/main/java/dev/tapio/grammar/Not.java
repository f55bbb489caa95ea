package dev.tapio.grammar;

/**
 * {@code not a}. The parser collapses a run of {@code not}: an even number leaves no node, an odd
 * number leaves one.
 *
 * @param child the negated expression
 * @param position where the first {@code not} of the run starts
 */
public record Not(Expr child, Position position) implements Expr {

  @Override
  public String toString() {
    return ConditionPrinter.print(this);
  }
}
