package dev.tapio.rules.internal.trace;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.ListValue;
import dev.tapio.grammar.Literal;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.Transformer;
import dev.tapio.rules.internal.condition.Conditions;
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
  static String check(Check k) {
    StringBuilder out = new StringBuilder(Conditions.display(k.lhs()));
    out.append(' ').append(k.operator().spelling());
    if (k.modifier() != null) {
      out.append(' ').append(k.modifier().spelling());
    }
    switch (k.rhs()) {
      case null -> {}
      case Literal l when Conditions.isListName(k) -> out.append(' ').append(l.value());
      case Literal l -> out.append(' ').append(literal(l.value()));
      case ListValue l -> out.append(" (").append(items(l.items())).append(')');
      case FieldValue f -> out.append(" val(").append(Conditions.display(f.field())).append(')');
      case Transformer t -> out.append(' ').append(Conditions.display(t));
    }
    return out.toString();
  }

  /**
   * Any condition, in parentheses when compound, shortened to {@link #MAX_COMPOUND} characters;
   * macros stay names.
   */
  static String abbreviated(Expr c) {
    String text = grouped(c);
    return text.length() <= MAX_COMPOUND ? text : text.substring(0, MAX_COMPOUND - 3) + "...";
  }

  private static String text(Expr c) {
    return switch (c) {
      case Check k -> check(k);
      case MacroRef m -> m.name();
      case Not n -> "not " + grouped(n.child());
      case And a -> join(a.children(), " and ");
      case Or o -> join(o.children(), " or ");
    };
  }

  private static String join(List<Expr> children, String op) {
    List<String> parts = new ArrayList<>();
    for (Expr child : children) {
      parts.add(grouped(child));
    }
    return String.join(op, parts);
  }

  private static String grouped(Expr c) {
    return c instanceof And || c instanceof Or ? "(" + text(c) + ")" : text(c);
  }

  private static String items(List<String> items) {
    List<String> shown = new ArrayList<>();
    boolean cut = items.size() > MAX_ITEMS;
    for (String item : cut ? items.subList(0, SHOWN_ITEMS) : items) {
      shown.add(literal(item));
    }
    if (cut) {
      shown.add("... (" + (items.size() - SHOWN_ITEMS) + " more)");
    }
    return String.join(", ", shown);
  }

  /** A value bare when it can be written bare, quoted when it holds spaces or punctuation. */
  private static String literal(String t) {
    if (!t.isEmpty() && BARE.matcher(t).matches()) {
      return t;
    }
    return t.contains("\"") ? "'" + t + "'" : "\"" + t + "\"";
  }

  private static final java.util.regex.Pattern BARE =
      java.util.regex.Pattern.compile("[^\\s(),'\"=<>!]+");
}
