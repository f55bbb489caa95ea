package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.internal.condition.TextEdits;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Falco's list substitution, reproduced at the string level to be bug-compatible: every occurrence
 * of a list name bounded by the text's ends, a blank or one of {@code ( ) , =} is replaced by the
 * items joined with {@code ", "}; blanks around the name are absorbed; an item with a space that
 * does not start with a quote is wrapped in double quotes; an empty list also removes one
 * neighbouring comma.
 */
public final class ListSubstitution {

  private static final String BLANKS = " \t\n\r";
  private static final String DELIMS = BLANKS + "(),=";

  private ListSubstitution() {}

  /**
   * Substitutes every list (in definition order) into {@code text}, recording edits and the names
   * of the lists used.
   */
  public static String apply(
      String text, Map<String, List<String>> lists, TextEdits edits, Set<String> used) {
    String cnd = text;
    for (Map.Entry<String, List<String>> list : lists.entrySet()) {
      cnd = substitute(cnd, list.getKey(), list.getValue(), edits, used);
    }
    return cnd;
  }

  private static String substitute(
      String cnd, String name, List<String> items, TextEdits edits, Set<String> used) {
    int start = cnd.indexOf(name);
    while (start >= 0) {
      int end = start + name.length();
      if ((start == 0 || DELIMS.indexOf(cnd.charAt(start - 1)) >= 0)
          && (end >= cnd.length() || DELIMS.indexOf(cnd.charAt(end)) >= 0)) {
        while (start > 0 && BLANKS.indexOf(cnd.charAt(start - 1)) >= 0) {
          start--;
        }
        while (end < cnd.length() && BLANKS.indexOf(cnd.charAt(end)) >= 0) {
          end++;
        }
        StringBuilder sub = new StringBuilder();
        for (String item : items) {
          if (!sub.isEmpty()) {
            sub.append(", ");
          }
          sub.append(quote(item));
        }
        if (sub.isEmpty()) {
          if (start > 0 && cnd.charAt(start - 1) == ',') {
            start--;
          } else if (end < cnd.length() && cnd.charAt(end) == ',') {
            end++;
          }
        }
        StringBuilder next = new StringBuilder();
        if (start > 0) {
          next.append(cnd, 0, start).append(' ');
        }
        next.append(sub).append(' ');
        int newEnd = next.length();
        if (end <= cnd.length()) {
          next.append(cnd, end, cnd.length());
        }
        edits.replaced(start, end, newEnd);
        cnd = next.toString();
        start += sub.length() + 1;
        used.add(name);
      }
      start = cnd.indexOf(name, start + 1);
    }
    return cnd;
  }

  /** Falco's {@code quote_item}: wraps an item with a space in double quotes unless quoted. */
  public static String quote(String item) {
    if (item.indexOf(' ') >= 0
        && !item.isEmpty()
        && item.charAt(0) != '"'
        && item.charAt(0) != '\'') {
      return "\"" + item + "\"";
    }
    return item;
  }
}
