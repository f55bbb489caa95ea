package dev.tapio.grammar;

import java.util.List;

/**
 * A parenthesized list passed to a transformer, such as the {@code (fd.name, fd.directory)} of
 * {@code join("-", (fd.name, fd.directory))}. It may be empty; it does not nest.
 *
 * @param items fields, transformers, quoted strings and numbers
 * @param position where its {@code (} stands
 */
public record TransformerList(List<TransformerArg> items, Position position)
    implements TransformerArg {

  public TransformerList {
    items = List.copyOf(items);
    for (TransformerArg item : items) {
      if (item instanceof TransformerList) {
        throw new IllegalArgumentException("transformer lists do not nest");
      }
    }
  }

  @Override
  public String toString() {
    return ConditionPrinter.printArgument(this);
  }
}
