package dev.tapio.grammar;

import java.util.Optional;

/**
 * The check operators, in the order libsinsp tries them: unary, numeric, string, list.
 *
 * <p>Semantics (case sensitivity, whole-string glob, component-wise pmatch, list-valued fields)
 * belong to the rule compiler; this type only says how an operator is spelled and what may follow
 * it.
 */
public enum Operator {
  EXISTS("exists", Kind.UNARY),
  LESS_OR_EQUAL("<=", Kind.NUMERIC),
  LESS("<", Kind.NUMERIC),
  GREATER_OR_EQUAL(">=", Kind.NUMERIC),
  GREATER(">", Kind.NUMERIC),
  DOUBLE_EQUALS("==", Kind.STRING),
  EQUALS("=", Kind.STRING),
  NOT_EQUALS("!=", Kind.STRING),
  GLOB("glob", Kind.STRING),
  IGLOB("iglob", Kind.STRING),
  CONTAINS("contains", Kind.STRING),
  ICONTAINS("icontains", Kind.STRING),
  BCONTAINS("bcontains", Kind.STRING),
  STARTSWITH("startswith", Kind.STRING),
  BSTARTSWITH("bstartswith", Kind.STRING),
  ENDSWITH("endswith", Kind.STRING),
  REGEX("regex", Kind.STRING),
  INTERSECTS("intersects", Kind.LIST),
  IN("in", Kind.LIST),
  PMATCH("pmatch", Kind.LIST);

  /** What may follow an operator. */
  public enum Kind {
    /** Nothing: {@code exists}. */
    UNARY,
    /** A number, {@code val(field)} or a transformer. */
    NUMERIC,
    /** A string, {@code val(field)}, a transformer, or a modifier and a list. */
    STRING,
    /** A list literal, a list name, {@code val(field)} or a transformer. */
    LIST
  }

  private final String spelling;
  private final Kind kind;

  Operator(String spelling, Kind kind) {
    this.spelling = spelling;
    this.kind = kind;
  }

  /** The operator as written in a condition, such as {@code startswith} or {@code <=}. */
  public String spelling() {
    return spelling;
  }

  public Kind kind() {
    return kind;
  }

  /** The operator spelled {@code text}, if any; spelling is case-sensitive. */
  public static Optional<Operator> fromSpelling(String text) {
    for (Operator operator : values()) {
      if (operator.spelling.equals(text)) {
        return Optional.of(operator);
      }
    }
    return Optional.empty();
  }
}
