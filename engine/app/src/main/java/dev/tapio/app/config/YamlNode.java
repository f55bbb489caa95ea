package dev.tapio.app.config;

import java.util.List;

/**
 * A YAML document as the configuration reader sees it: mappings, sequences and scalars, each with
 * its position in the file. Nothing else (no anchors resolved into objects, no typed binding), so
 * every later message can point at the line and column it is about.
 */
sealed interface YamlNode {
  Origin origin();

  /** What the node is, for "must be X, not Y" messages. */
  String describe();

  record Mapping(List<Entry> entries, Origin origin) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Entry(String key, Origin keyOrigin, YamlNode value) {}

  record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar; {@code kind} is how YAML typed it (a quoted {@code "8"} is a string). */
  record Scalar(String text, Kind kind, Origin origin) implements YamlNode {
    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "a string";
        case INTEGER -> "an integer";
        case DECIMAL -> "a decimal number";
        case BOOLEAN -> "a boolean";
        case NULL -> "null";
      };
    }
  }

  enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }
}
