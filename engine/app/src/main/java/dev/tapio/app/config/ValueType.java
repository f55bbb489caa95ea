package dev.tapio.app.config;

import java.nio.file.Path;

/**
 * How one setting's value is written: in YAML (with the node's type checked), as environment or
 * flag text, and back as YAML for {@code tapio config show}. A value that does not fit throws
 * {@link BadValue}; the caller turns it into "KEY must be EXPECTED, not FOUND".
 */
interface ValueType<T> {

  /** What a value must look like: {@code a duration (a number with ms, s, m, h or d)}. */
  String expected();

  /** The value of a YAML node; relative paths resolve against {@code base}. */
  T fromNode(YamlNode node, Path base) throws BadValue;

  /** The value of environment or flag text. */
  T fromText(String text) throws BadValue;

  /** The value as YAML: a String, Number, Boolean, List or Map. */
  Object toYaml(T value);

  /**
   * The value does not fit; {@code found} says what was there ({@code a boolean}, {@code '3x'}).
   */
  final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String found) {
      super(found, null, false, false);
    }

    String found() {
      return String.valueOf(getMessage());
    }
  }
}
