package dev.tapio.rules.internal.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * The replacements made to a condition text, in the order made (list substitution), so an offset in
 * the final text maps back to the original. Text appended after the original (exceptions) maps to
 * the original's end.
 */
public final class TextEdits {

  private record Edit(int start, int originalEnd, int newEnd) {}

  private final List<Edit> edits = new ArrayList<>();
  private int originalLength = Integer.MAX_VALUE;

  public static TextEdits none() {
    return new TextEdits();
  }

  /** In the current text, {@code [start, originalEnd)} was replaced by {@code [start, newEnd)}. */
  public void replaced(int start, int originalEnd, int newEnd) {
    edits.add(new Edit(start, originalEnd, newEnd));
  }

  public void originalLength(int length) {
    originalLength = Math.min(originalLength, length);
  }

  public int toOriginal(int offset) {
    int o = offset;
    for (int i = edits.size() - 1; i >= 0; i--) {
      Edit e = edits.get(i);
      if (o >= e.newEnd()) {
        o -= e.newEnd() - e.originalEnd();
      } else if (o > e.start()) {
        o = e.start();
      }
    }
    return Math.min(o, originalLength);
  }
}
