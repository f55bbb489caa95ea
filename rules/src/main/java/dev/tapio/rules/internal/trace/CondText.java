package dev.tapio.rules.internal.trace;

import dev.tapio.rules.internal.condition.Cond;
import dev.tapio.rules.internal.condition.Operand;
import dev.tapio.rules.internal.condition.Value;
import java.util.ArrayList;
import java.util.List;

/** A condition tree written back as text, with long value lists and long conditions shortened. */
final class CondText {

  /** Lists longer than this show only their first {@link #SHOWN_ITEMS} items. */
  static final int MAX_ITEMS = 6;

  static final int SHOWN_ITEMS = 4;

  /** Compound conditions longer than this are cut, ending in {@code ...}. */
  static final int MAX_COMPOUND = 80;

  private CondText() {}

  /** One check: {@code fd.name in (/etc/shadow, /etc/gshadow)}. */
  static String check(Cond.Check k) {
    StringBuilder out = new StringBuilder(Operand.display(k.lhs())).append(' ').append(k.op());
    if (k.modifier() != null) {
      out.append(' ').append(k.modifier());
    }
    switch (k.rhs()) {
      case Value.None n -> {}
      case Value.Literal l -> out.append(' ').append(literal(l));
      case Value.ListLiteral l -> out.append(" (").append(items(l.items())).append(')');
      case Value.ListName l -> out.append(' ').append(l.name());
      case Value.FieldValue f ->
          out.append(' ')
              .append(
                  f.operand() instanceof Operand.Field field
                      ? "val(" + field.display() + ")"
                      : Operand.display(f.operand()));
    }
    return out.toString();
  }

  /**
   * Any condition, in parentheses when compound, shortened to {@link #MAX_COMPOUND} characters;
   * macros stay names.
   */
  static String abbreviated(Cond c) {
    String text = grouped(c);
    return text.length() <= MAX_COMPOUND ? text : text.substring(0, MAX_COMPOUND - 3) + "...";
  }

  private static String text(Cond c) {
    return switch (c) {
      case Cond.Check k -> check(k);
      case Cond.MacroRef m -> m.name();
      case Cond.Not n -> "not " + grouped(n.child());
      case Cond.And a -> join(a.children(), " and ");
      case Cond.Or o -> join(o.children(), " or ");
    };
  }

  private static String join(List<Cond> children, String op) {
    List<String> parts = new ArrayList<>();
    for (Cond child : children) {
      parts.add(grouped(child));
    }
    return String.join(op, parts);
  }

  private static String grouped(Cond c) {
    return c instanceof Cond.And || c instanceof Cond.Or ? "(" + text(c) + ")" : text(c);
  }

  private static String items(List<Value.Literal> items) {
    List<String> shown = new ArrayList<>();
    boolean cut = items.size() > MAX_ITEMS;
    for (Value.Literal item : cut ? items.subList(0, SHOWN_ITEMS) : items) {
      shown.add(literal(item));
    }
    if (cut) {
      shown.add("... (" + (items.size() - SHOWN_ITEMS) + " more)");
    }
    return String.join(", ", shown);
  }

  /** A value bare when it can be written bare, quoted when it holds spaces or punctuation. */
  private static String literal(Value.Literal l) {
    String t = l.text();
    if (!t.isEmpty() && BARE.matcher(t).matches()) {
      return t;
    }
    return t.contains("\"") ? "'" + t + "'" : "\"" + t + "\"";
  }

  private static final java.util.regex.Pattern BARE =
      java.util.regex.Pattern.compile("[^\\s(),'\"=<>!]+");
}
