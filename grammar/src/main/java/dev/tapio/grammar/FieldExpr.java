package dev.tapio.grammar;

/**
 * Something that extracts a value from an event: a field, or a transformer over fields. It is the
 * left-hand side of a check and the content of an output format token ({@code %proc.aname[2]},
 * {@code %tolower(proc.name)}).
 */
public sealed interface FieldExpr permits FieldRef, Transformer {

  /** Where the expression starts. */
  Position position();
}
