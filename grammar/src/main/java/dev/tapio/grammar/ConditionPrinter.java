package dev.tapio.grammar;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders syntax trees back to canonical condition text: single spaces, {@code and}/{@code or}
 * spelled out, parentheses only where the tree needs them, strings quoted only where a bare string
 * would not read back the same. Parsing the text again gives the same tree (positions aside).
 */
public final class ConditionPrinter {

  private ConditionPrinter() {}

  public static String print(Expr expr) {
    return switch (expr) {
      case Or or -> join(or.children(), " or ", child -> grouped(child, child instanceof Or));
      case And and ->
          join(
              and.children(),
              " and ",
              child -> grouped(child, child instanceof Or || child instanceof And));
      case Not not ->
          "not "
              + grouped(
                  not.child(), !(not.child() instanceof Check || not.child() instanceof MacroRef));
      case MacroRef ref -> isKeyword(ref.name()) ? "(" + ref.name() + ")" : ref.name();
      case Check check -> check(check);
    };
  }

  public static String printField(FieldExpr expr) {
    return switch (expr) {
      case FieldRef field -> field.name() + argument(field.argument());
      case Transformer transformer ->
          transformer.kind().spelling()
              + "("
              + join(transformer.args(), ", ", ConditionPrinter::printArgument)
              + ")"
              + argument(transformer.argument());
    };
  }

  public static String printValue(Value value) {
    return switch (value) {
      case Literal literal -> literal(literal);
      case ListValue list -> "(" + join(list.items(), ", ", ConditionPrinter::listItem) + ")";
      case FieldValue field ->
          "val(" + printField(field.field()) + ")" + argument(field.argument());
      case Transformer transformer -> printField(transformer);
    };
  }

  public static String printArgument(TransformerArg arg) {
    return switch (arg) {
      case FieldRef field -> printField(field);
      case Transformer transformer -> printField(transformer);
      case Literal literal -> literal(literal);
      case TransformerList list ->
          "(" + join(list.items(), ", ", ConditionPrinter::printArgument) + ")";
    };
  }

  private static String check(Check check) {
    StringBuilder text = new StringBuilder(printField(check.lhs()));
    text.append(' ').append(check.operator().spelling());
    if (check.modifier() != null) {
      text.append(' ').append(check.modifier().spelling());
    }
    if (check.rhs() != null) {
      text.append(' ').append(printValue(check.rhs()));
    }
    return text.toString();
  }

  private static String grouped(Expr expr, boolean parenthesize) {
    return parenthesize ? "(" + print(expr) + ")" : print(expr);
  }

  private static String literal(Literal literal) {
    return literal.quoted() || !isBare(literal.value()) ? quote(literal.value()) : literal.value();
  }

  private static String listItem(String item) {
    return isBare(item) ? item : quote(item);
  }

  private static String argument(@Nullable String argument) {
    if (argument == null) {
      return "";
    }
    boolean bare =
        !argument.isEmpty()
            && argument.chars().noneMatch(c -> "[]\"'".indexOf(c) >= 0 || isSpace(c));
    return "[" + (bare ? argument : quote(argument)) + "]";
  }

  /** Whether {@code text} reads back as one bare string. */
  private static boolean isBare(String text) {
    return !text.isEmpty()
        && text.charAt(0) != '\b'
        && text.chars().noneMatch(c -> "()\"'=,".indexOf(c) >= 0 || isSpace(c));
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean isKeyword(String name) {
    return name.equals("and") || name.equals("or") || name.equals("not");
  }

  /** Double-quotes {@code text} with the escapes the parser decodes. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        // A backslash right before the closing quote would make the quote part of the string.
        case '\\' -> quoted.append(i == text.length() - 1 ? "\\x5c" : "\\\\");
        case '"' -> quoted.append("\\\"");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted
                .append("\\x")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xf, 16));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static <T> String join(List<T> items, String separator, Function<T, String> render) {
    return items.stream().map(render).collect(Collectors.joining(separator));
  }
}
