package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.rules.internal.condition.Conditions;
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

    record Left(Expr cond) implements Folded {}
  }

  private static final Folded TRUE = new Folded.True();
  private static final Folded FALSE = new Folded.False();

  public static Folded fold(Expr c, String type) {
    return switch (c) {
      case Not n ->
          switch (fold(n.child(), type)) {
            case Folded.True t -> FALSE;
            case Folded.False f -> TRUE;
            case Folded.Left l -> new Folded.Left(new Not(l.cond(), n.position()));
          };
      case And a -> {
        List<Expr> left = new ArrayList<>();
        boolean isFalse = false;
        for (Expr child : a.children()) {
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
            : new Folded.Left(left.size() == 1 ? left.getFirst() : new And(left, a.position()));
      }
      case Or o -> {
        List<Expr> left = new ArrayList<>();
        boolean isTrue = false;
        for (Expr child : o.children()) {
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
            : new Folded.Left(left.size() == 1 ? left.getFirst() : new Or(left, o.position()));
      }
      case MacroRef m -> new Folded.Left(m);
      case Check k -> check(k, type);
    };
  }

  private static Folded check(Check k, String type) {
    if (!(k.lhs() instanceof FieldRef f) || f.argument() != null || k.modifier() != null) {
      return new Folded.Left(k);
    }
    if (f.name().equals("evt.num")) {
      return FALSE;
    }
    if (!f.name().equals("evt.type")) {
      return new Folded.Left(k);
    }
    List<String> values = Conditions.constants(k);
    Boolean result =
        switch (k.operator()) {
          case EQUALS, DOUBLE_EQUALS -> values == null ? null : values.contains(type);
          case NOT_EQUALS -> values == null ? null : !values.contains(type);
          case IN, INTERSECTS -> values == null ? null : values.contains(type);
          case EXISTS -> true;
          default -> null;
        };
    if (result == null) {
      return new Folded.Left(k);
    }
    return result ? TRUE : FALSE;
  }
}
