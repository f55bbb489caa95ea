package dev.tapio.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A node of an event tree together with its path, for reading typed values with clear errors. */
record Tree(JsonNode node, String path) {

  static Tree root(JsonNode node, String path) {
    return new Tree(node, path);
  }

  boolean has(String key) {
    JsonNode child = node.get(key);
    return child != null && !child.isNull();
  }

  Tree get(String key) {
    JsonNode child = node.get(key);
    return new Tree(child == null ? MissingNode.getInstance() : child, path + "." + key);
  }

  boolean missing() {
    return node.isMissingNode() || node.isNull();
  }

  EventFormatException error(String problem) {
    return new EventFormatException(path, problem);
  }

  /** Rejects keys the format does not know, so a typo never silently becomes a default. */
  void onlyKeys(Set<String> allowed) {
    if (!node.isObject()) {
      throw error("expected a mapping");
    }
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new EventFormatException(
            path + "." + key,
            "unknown key (expected one of " + String.join(", ", sorted(allowed)) + ")");
      }
    }
  }

  String text(String key, String fallback) {
    Tree t = get(key);
    if (t.missing()) {
      return fallback;
    }
    if (!t.node.isValueNode()) {
      throw t.error("expected a text value");
    }
    return t.node.asText();
  }

  @Nullable String textOrNull(String key) {
    Tree t = get(key);
    return t.missing() ? null : text(key, "");
  }

  long number(String key, long fallback) {
    Tree t = get(key);
    if (t.missing()) {
      return fallback;
    }
    if (t.node.isIntegralNumber()) {
      return t.node.asLong();
    }
    if (t.node.isTextual()) {
      String s = t.node.asText().trim();
      try {
        if (s.startsWith("0x") || s.startsWith("0X")) {
          return Long.parseUnsignedLong(s.substring(2), 16);
        }
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw t.error("expected a number, got '" + s + "'");
      }
    }
    throw t.error("expected a number");
  }

  int integer(String key, int fallback) {
    long value = number(key, fallback);
    if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
      throw get(key).error("number out of range: " + value);
    }
    return (int) value;
  }

  boolean bool(String key, boolean fallback) {
    Tree t = get(key);
    if (t.missing()) {
      return fallback;
    }
    if (!t.node.isBoolean()) {
      throw t.error("expected true or false");
    }
    return t.node.asBoolean();
  }

  List<String> texts(String key) {
    Tree t = get(key);
    if (t.missing()) {
      return List.of();
    }
    if (!t.node.isArray()) {
      throw t.error("expected a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.node.size(); i++) {
      JsonNode item = t.node.get(i);
      if (!item.isValueNode()) {
        throw new EventFormatException(t.path + "[" + i + "]", "expected a text value");
      }
      out.add(item.asText());
    }
    return out;
  }

  Map<String, String> textMap(String key) {
    Tree t = get(key);
    if (t.missing()) {
      return Map.of();
    }
    if (!t.node.isObject()) {
      throw t.error("expected a mapping");
    }
    Map<String, String> out = new LinkedHashMap<>();
    t.node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  <T> List<T> list(String key, Function<Tree, T> reader) {
    Tree t = get(key);
    if (t.missing()) {
      return List.of();
    }
    if (!t.node.isArray()) {
      throw t.error("expected a list");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < t.node.size(); i++) {
      out.add(reader.apply(new Tree(t.node.get(i), t.path + "[" + i + "]")));
    }
    return out;
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
