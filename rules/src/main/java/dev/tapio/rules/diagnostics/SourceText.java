package dev.tapio.rules.diagnostics;

import java.util.List;

/** A loaded text with its lines, to cut snippets from. */
public record SourceText(String name, String content, List<String> lines) {

  public SourceText {
    lines = List.copyOf(lines);
  }

  public static SourceText of(String name, String content) {
    return new SourceText(name, content, content.lines().toList());
  }

  /**
   * The line at {@code position} followed by a line with a caret under its column; empty when the
   * position is outside the text.
   */
  public String snippet(SourcePosition position) {
    return snippet(position.line(), position.column());
  }

  public String snippet(int line, int column) {
    if (line < 1 || line > lines.size()) {
      return "";
    }
    String text = lines.get(line - 1);
    StringBuilder caret = new StringBuilder();
    for (int i = 1; i < column && i <= text.length(); i++) {
      caret.append(text.charAt(i - 1) == '\t' ? '\t' : ' ');
    }
    for (int i = text.length() + 1; i < column; i++) {
      caret.append(' ');
    }
    return text + "\n" + caret + "^";
  }
}
