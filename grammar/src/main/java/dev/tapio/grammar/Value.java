package dev.tapio.grammar;

/** The right-hand side of a binary check. */
public sealed interface Value permits Literal, ListValue, FieldValue, Transformer {

  /** Where the value starts. */
  Position position();
}
