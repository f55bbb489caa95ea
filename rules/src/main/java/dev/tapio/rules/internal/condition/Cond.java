package dev.tapio.rules.internal.condition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A boolean condition. */
public sealed interface Cond {

  Pos pos();

  record And(List<Cond> children, Pos pos) implements Cond {
    public And {
      children = List.copyOf(children);
    }
  }

  record Or(List<Cond> children, Pos pos) implements Cond {
    public Or {
      children = List.copyOf(children);
    }
  }

  record Not(Cond child, Pos pos) implements Cond {}

  /** A bare identifier: a macro reference until macros are expanded. */
  record MacroRef(String name, Pos pos) implements Cond {}

  /**
   * {@code lhs op [modifier] rhs}.
   *
   * @param op the operator as written ({@code =}, {@code in}, {@code exists}, ...)
   * @param modifier {@code oneof}, {@code anyof}, {@code allof}, or null
   */
  record Check(Operand lhs, String op, @Nullable String modifier, Value rhs, Pos pos)
      implements Cond {}
}
