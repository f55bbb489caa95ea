package dev.tapio.rules.internal.condition;

import dev.tapio.rules.diagnostics.SourcePosition;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import org.jspecify.annotations.Nullable;

/**
 * The text a condition tree was parsed from: which item (its context chain), the YAML scalar that
 * held the condition, and how offsets of the parsed text (after list substitution and exception
 * building) map back to offsets of the scalar.
 *
 * @param macroName the macro the text belongs to, or null for a rule's own condition
 */
public record Origin(
    Context context,
    @Nullable YScalar scalar,
    TextEdits edits,
    String text,
    @Nullable String macroName) {

  /** The file position of {@code offset} in the parsed text. */
  public @Nullable SourcePosition sourcePosition(int offset) {
    if (scalar == null) {
      return null;
    }
    int original = edits.toOriginal(offset);
    int max = scalar.text().length();
    return scalar.positionOf(Math.max(0, Math.min(original, max)));
  }

  /** The context chain for a problem at {@code offset}. */
  public Context at(int offset) {
    SourcePosition p = sourcePosition(offset);
    String label = macroName == null ? "rule condition" : "macro condition";
    return p == null ? context : context.in(label, p);
  }
}
