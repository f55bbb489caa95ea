package dev.tapio.rules.internal.yaml;

import dev.tapio.rules.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the content lines of a scalar start in its source: segment {@code i} of the value starts at
 * value offset {@code valueStart[i]} and source {@code line[i]:column[i]} (offset {@code
 * sourceOffset[i]}). Folding turns line breaks into single characters, so mapping back is exact for
 * plain, folded and literal scalars without blank lines, and close otherwise.
 */
public record ScalarLayout(List<Segment> segments) {

  /** One content line of a scalar in its source. */
  public record Segment(int valueStart, int line, int column, int sourceOffset) {}

  public ScalarLayout {
    segments = List.copyOf(segments);
  }

  public static final ScalarLayout SINGLE = new ScalarLayout(List.of());

  SourcePosition positionOf(SourcePosition start, int offset) {
    if (segments.isEmpty()) {
      return new SourcePosition(
          start.name(), start.line(), start.column() + offset, start.offset() + offset);
    }
    Segment seg = segments.getFirst();
    for (Segment s : segments) {
      if (s.valueStart() <= offset) {
        seg = s;
      }
    }
    int delta = offset - seg.valueStart();
    return new SourcePosition(
        start.name(), seg.line(), seg.column() + delta, seg.sourceOffset() + delta);
  }

  /**
   * Works out the layout of the scalar whose token starts at {@code start} in {@code lines} (the
   * source split into lines, each starting at its {@code lineOffsets} entry, {@link #lineOffsets}),
   * given the scalar's value.
   */
  static ScalarLayout of(
      List<String> lines, int[] lineOffsets, SourcePosition start, String value) {
    int lineIdx = start.line() - 1;
    if (lineIdx < 0 || lineIdx >= lines.size()) {
      return SINGLE;
    }
    String first = lines.get(lineIdx);
    int col0 = start.column() - 1;
    if (col0 >= first.length()) {
      return SINGLE;
    }
    char indicator = first.charAt(col0);
    List<Segment> segs = new ArrayList<>();
    int valuePos = 0;
    int next;
    if (indicator == '>' || indicator == '|') {
      next = lineIdx + 1;
    } else {
      int contentCol = indicator == '"' || indicator == '\'' ? col0 + 1 : col0;
      segs.add(new Segment(0, start.line(), contentCol + 1, lineOffsets[lineIdx] + contentCol));
      valuePos = first.length() - contentCol + 1;
      next = lineIdx + 1;
    }
    if (!value.contains("\n") && !value.contains(" ") && !segs.isEmpty()) {
      return new ScalarLayout(segs);
    }
    int contentIndent = -1;
    for (int i = next; i < lines.size() && valuePos < value.length(); i++) {
      String l = lines.get(i);
      String stripped = l.strip();
      if (stripped.isEmpty()) {
        valuePos += 1;
        continue;
      }
      int indent = l.length() - l.stripLeading().length();
      if (indent <= baseIndent(first)
          && (indicator == '>' || indicator == '|' || !segs.isEmpty())) {
        break;
      }
      boolean block = indicator == '>' || indicator == '|';
      if (block && contentIndent < 0) {
        contentIndent = indent;
      }
      int from = block ? Math.min(indent, contentIndent) : indent;
      segs.add(new Segment(valuePos, i + 1, from + 1, lineOffsets[i] + from));
      valuePos += l.stripTrailing().length() - from + 1;
    }
    return segs.isEmpty() ? SINGLE : new ScalarLayout(segs);
  }

  private static int baseIndent(String line) {
    String t = line.stripLeading();
    int indent = line.length() - t.length();
    if (t.startsWith("- ")) {
      indent += 2 + (t.substring(2).length() - t.substring(2).stripLeading().length());
    }
    return indent;
  }

  /** Where each line starts in the source: once per source, not per scalar. */
  static int[] lineOffsets(List<String> lines) {
    int[] offsets = new int[lines.size()];
    int off = 0;
    for (int i = 0; i < lines.size(); i++) {
      offsets[i] = off;
      off += lines.get(i).length() + 1;
    }
    return offsets;
  }
}
