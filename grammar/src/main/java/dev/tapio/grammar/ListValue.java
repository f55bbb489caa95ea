package dev.tapio.grammar;

import java.util.List;

/**
 * A list literal such as {@code (bash, "with space", 'x')}; {@code ()} is the empty list.
 *
 * @param items the strings, quotes removed and escapes decoded
 * @param position where its {@code (} stands
 */
public record ListValue(List<String> items, Position position) implements Value {

  public ListValue {
    items = List.copyOf(items);
  }

  @Override
  public String toString() {
    return ConditionPrinter.printValue(this);
  }
}
