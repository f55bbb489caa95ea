package dev.tapio.grammar;

/**
 * A constant: a string after a string operator, a number after a numeric operator, a list name
 * after a list operator or a modifier, or a quoted string or number given to a transformer.
 *
 * <p>A bare value that looks like a field ({@code proc.name = proc.pname}) is still a string
 * constant; comparing two fields takes {@code val()}.
 *
 * @param value the text; for a quoted string without its quotes and with escapes decoded
 * @param quoted whether the value was written in quotes
 * @param position where the value (or its opening quote) starts
 */
public record Literal(String value, boolean quoted, Position position)
    implements Value, TransformerArg {

  @Override
  public String toString() {
    return ConditionPrinter.printValue(this);
  }
}
