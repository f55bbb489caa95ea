package dev.tapio.grammar;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field transformer such as {@code tolower(proc.name)}, {@code b64(toupper(x.y))} or {@code
 * join("-", (fd.name, fd.directory))}. It can stand on either side of a check and in an output
 * format token.
 *
 * @param kind which transformer
 * @param args its arguments, at least one
 * @param argument the optional {@code [arg]} right after the closing parenthesis (used by {@code
 *     getopt}), decoded as for {@link FieldRef#argument()}
 * @param position where the transformer name starts
 */
public record Transformer(
    TransformerKind kind, List<TransformerArg> args, @Nullable String argument, Position position)
    implements FieldExpr, Value, TransformerArg {

  public Transformer {
    args = List.copyOf(args);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("transformer '" + kind.spelling() + "' needs arguments");
    }
  }

  /** A transformer without trailing argument. */
  public Transformer(TransformerKind kind, List<TransformerArg> args, Position position) {
    this(kind, args, null, position);
  }

  @Override
  public String toString() {
    return ConditionPrinter.printField(this);
  }
}
