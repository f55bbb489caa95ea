package dev.tapio.grammar;

/**
 * An argument of a transformer: a field, a nested transformer, a quoted string or a number, or a
 * transformer list.
 */
public sealed interface TransformerArg permits FieldRef, Transformer, Literal, TransformerList {

  /** Where the argument starts. */
  Position position();
}
