package dev.tapio.grammar;

import java.util.Optional;

/**
 * Applies a string operator to each element of a list: {@code proc.name startswith anyof (/proc/,
 * /sys/)}.
 */
public enum Modifier {
  /** Exactly one element satisfies the operator. */
  ONEOF("oneof"),
  /** At least one element satisfies the operator. */
  ANYOF("anyof"),
  /** Every element satisfies the operator. */
  ALLOF("allof");

  private final String spelling;

  Modifier(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  /** The modifier spelled {@code text}, if any; spelling is case-sensitive. */
  public static Optional<Modifier> fromSpelling(String text) {
    for (Modifier modifier : values()) {
      if (modifier.spelling.equals(text)) {
        return Optional.of(modifier);
      }
    }
    return Optional.empty();
  }
}
