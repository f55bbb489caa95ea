package dev.tapio.grammar;

/**
 * A bare identifier standing where a check could: a reference to a macro, such as {@code
 * spawned_process}. The rule loader replaces it with the macro's tree.
 *
 * @param name the identifier, such as {@code spawned_process} (keywords are not reserved, so {@code
 *     not} alone is a macro named "not")
 * @param position where the identifier starts
 */
public record MacroRef(String name, Position position) implements Expr {

  @Override
  public String toString() {
    return ConditionPrinter.print(this);
  }
}
