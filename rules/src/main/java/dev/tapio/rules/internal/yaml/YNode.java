package dev.tapio.rules.internal.yaml;

import dev.tapio.rules.diagnostics.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A YAML node with the position where it starts. */
public sealed interface YNode {

  SourcePosition position();

  /** A mapping; keys keep their own positions. */
  record YMap(SourcePosition position, Map<String, Entry> entries) implements YNode {
    public YMap {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public @Nullable YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }
  }

  /** One key of a mapping. */
  record Entry(String key, SourcePosition keyPosition, YNode value) {}

  record YSeq(SourcePosition position, List<YNode> items) implements YNode {
    public YSeq {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar: its text as written (numbers and booleans too), how it was written, and where each of
   * its content lines starts in the source, so a position inside the text maps back to the file.
   */
  record YScalar(SourcePosition position, String text, ScalarLayout layout) implements YNode {

    /** The source position of character {@code offset} of {@link #text()}. */
    public SourcePosition positionOf(int offset) {
      return layout.positionOf(position, offset);
    }
  }

  record YNull(SourcePosition position) implements YNode {}

  static String kind(YNode node) {
    return switch (node) {
      case YMap m -> "map";
      case YSeq s -> "sequence";
      case YScalar s -> "scalar";
      case YNull n -> "null";
    };
  }
}
