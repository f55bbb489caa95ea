package dev.tapio.rules.internal.condition;

import dev.tapio.grammar.Check;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.ListValue;
import dev.tapio.grammar.Literal;
import dev.tapio.grammar.Operator;
import dev.tapio.grammar.Transformer;
import dev.tapio.grammar.TransformerArg;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Questions the compiler's passes ask of the grammar's checks, answered in one place. */
public final class Conditions {

  private Conditions() {}

  /**
   * Whether the right-hand side is a bare name after a list operator or a modifier: a list name
   * that list substitution did not replace, so an undefined list.
   */
  public static boolean isListName(Check k) {
    return k.rhs() instanceof Literal l
        && !l.quoted()
        && (k.operator().kind() == Operator.Kind.LIST || k.modifier() != null);
  }

  /**
   * The constants a check compares with when they are plain values: one literal, or the items of a
   * list literal; null for a list name, a field or a transformer (and for {@code exists}).
   */
  public static @Nullable List<String> constants(Check k) {
    if (isListName(k)) {
      return null;
    }
    return switch (k.rhs()) {
      case Literal l -> List.of(l.value());
      case ListValue l -> l.items();
      case null, default -> null;
    };
  }

  /**
   * The field written as the message and trace show it: {@code proc.aname[2]}, {@code tolower(x)}.
   */
  public static String display(FieldExpr e) {
    return switch (e) {
      case FieldRef f -> f.argument() == null ? f.name() : f.name() + "[" + f.argument() + "]";
      case Transformer t -> {
        List<String> args = new ArrayList<>();
        for (TransformerArg a : t.args()) {
          args.add(a instanceof FieldExpr f ? display(f) : a.toString());
        }
        yield t.kind().spelling() + "(" + String.join(", ", args) + ")";
      }
    };
  }
}
