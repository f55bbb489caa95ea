package dev.tapio.rules.internal.condition;

import org.jspecify.annotations.Nullable;

/** A field, possibly inside transformers. */
public sealed interface Operand {

  Pos pos();

  /**
   * A field reference.
   *
   * @param arg the bracketed argument, or null when none was written ({@code ""} is an argument)
   */
  record Field(String name, @Nullable String arg, Pos pos) implements Operand {
    /** The field as written: {@code proc.aname[2]}. */
    public String display() {
      return arg == null ? name : name + "[" + arg + "]";
    }
  }

  /** {@code tolower(x)}, {@code b64(x)}, ... */
  record Transform(String transformer, Operand arg, Pos pos) implements Operand {}

  static String display(Operand o) {
    return switch (o) {
      case Field f -> f.display();
      case Transform t -> t.transformer() + "(" + display(t.arg()) + ")";
    };
  }
}
