package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.internal.condition.Cond;
import dev.tapio.rules.internal.condition.Operand;
import dev.tapio.rules.internal.condition.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a condition for one known event type: every {@code evt.type} check becomes a constant and
 * the tree is simplified, so the predicate a Drools rule for type {@code T} runs no longer tests
 * the type and skips branches written for other types. {@code evt.num} checks fold to false (the
 * field is never extracted, so they are false at run time too).
 */
public final class TypeSpecializer {

  private TypeSpecializer() {}

  /** A folded condition: constant true, constant false, or what is left to test. */
  public sealed interface Folded {
    record True() implements Folded {}

    record False() implements Folded {}

    record Left(Cond cond) implements Folded {}
  }

  private static final Folded TRUE = new Folded.True();
  private static final Folded FALSE = new Folded.False();

  public static Folded fold(Cond c, String type) {
    return switch (c) {
      case Cond.Not n ->
          switch (fold(n.child(), type)) {
            case Folded.True t -> FALSE;
            case Folded.False f -> TRUE;
            case Folded.Left l -> new Folded.Left(new Cond.Not(l.cond(), n.pos()));
          };
      case Cond.And a -> {
        List<Cond> left = new ArrayList<>();
        boolean isFalse = false;
        for (Cond child : a.children()) {
          Folded folded = fold(child, type);
          if (folded instanceof Folded.False) {
            isFalse = true;
            break;
          }
          if (folded instanceof Folded.Left l) {
            left.add(l.cond());
          }
        }
        if (isFalse) {
          yield FALSE;
        }
        yield left.isEmpty()
            ? TRUE
            : new Folded.Left(left.size() == 1 ? left.getFirst() : new Cond.And(left, a.pos()));
      }
      case Cond.Or o -> {
        List<Cond> left = new ArrayList<>();
        boolean isTrue = false;
        for (Cond child : o.children()) {
          Folded folded = fold(child, type);
          if (folded instanceof Folded.True) {
            isTrue = true;
            break;
          }
          if (folded instanceof Folded.Left l) {
            left.add(l.cond());
          }
        }
        if (isTrue) {
          yield TRUE;
        }
        yield left.isEmpty()
            ? FALSE
            : new Folded.Left(left.size() == 1 ? left.getFirst() : new Cond.Or(left, o.pos()));
      }
      case Cond.MacroRef m -> new Folded.Left(m);
      case Cond.Check k -> check(k, type);
    };
  }

  private static Folded check(Cond.Check k, String type) {
    if (!(k.lhs() instanceof Operand.Field f) || f.arg() != null || k.modifier() != null) {
      return new Folded.Left(k);
    }
    if (f.name().equals("evt.num")) {
      return FALSE;
    }
    if (!f.name().equals("evt.type")) {
      return new Folded.Left(k);
    }
    Boolean result =
        switch (k.op()) {
          case "=", "==" -> k.rhs() instanceof Value.Literal l ? l.text().equals(type) : null;
          case "!=" -> k.rhs() instanceof Value.Literal l ? !l.text().equals(type) : null;
          case "in", "intersects" ->
              switch (k.rhs()) {
                case Value.ListLiteral l -> l.items().stream().anyMatch(i -> i.text().equals(type));
                case Value.Literal l -> l.text().equals(type);
                default -> null;
              };
          case "exists" -> true;
          default -> null;
        };
    if (result == null) {
      return new Folded.Left(k);
    }
    return result ? TRUE : FALSE;
  }
}
