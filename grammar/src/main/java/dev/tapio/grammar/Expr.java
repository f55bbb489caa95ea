package dev.tapio.grammar;

/**
 * A boolean expression of the condition language: a node of the tree that {@link
 * FalcoConditionParser#parse(String)} returns.
 *
 * <p>{@code toString()} of every node is its canonical condition text ({@link
 * ConditionPrinter#print(Expr)}).
 */
public sealed interface Expr permits And, Or, Not, Check, MacroRef {

  /** Where this expression starts. */
  Position position();
}
