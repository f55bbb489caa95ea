package dev.tapio.grammar;

import org.jspecify.annotations.Nullable;

/**
 * A field such as {@code proc.name}, {@code proc.aname[2]} or {@code evt.arg["key"]}.
 *
 * <p>Whether a field exists, and whether it takes or needs an argument, is decided by the field
 * catalog when a rule is compiled, not by the grammar.
 *
 * @param name two or more dotted segments, such as {@code container.image.repository}
 * @param argument the text between {@code [} and {@code ]}, with quotes removed and escapes decoded
 *     ({@code [t]} and {@code ["t"]} give {@code t}); {@code null} without brackets, which differs
 *     from the empty argument {@code [""]}
 * @param position where the name starts
 */
public record FieldRef(String name, @Nullable String argument, Position position)
    implements FieldExpr, TransformerArg {

  /** A field without argument. */
  public FieldRef(String name, Position position) {
    this(name, null, position);
  }

  @Override
  public String toString() {
    return ConditionPrinter.printField(this);
  }
}
