package dev.tapio.rules.internal.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * The text replacements made to a condition (list substitution) and text appended after it
 * (exceptions), so an offset in the result maps back to the original text.
 */
public final class TextEdits {

  private record Edit(int originalStart, int originalEnd, int newStart, int newEnd) {}

  private final List<Edit> edits = new ArrayList<>();
  private int originalLength = Integer.MAX_VALUE;

  public static TextEdits none() {
    return new TextEdits();
  }

  /** Records that {@code [originalStart, originalEnd)} became {@code [newStart, newEnd)}. */
  public void replaced(int originalStart, int originalEnd, int newStart, int newEnd) {
    edits.add(new Edit(originalStart, originalEnd, newStart, newEnd));
  }

  /** Text beyond {@code length} of the original was added (exceptions): map it to the end. */
  public void originalLength(int length) {
    originalLength = length;
  }

  /** Composes: this text went through {@code earlier} first. */
  public int toOriginal(int offset) {
    int shift = 0;
    for (Edit e : edits) {
      if (offset < e.newStart()) {
        break;
      }
      if (offset < e.newEnd()) {
        return e.originalStart();
      }
      shift = e.originalEnd() - e.newEnd();
    }
    return Math.min(offset + shift, originalLength);
  }
}
