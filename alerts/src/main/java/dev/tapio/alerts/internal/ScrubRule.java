package dev.tapio.alerts.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret: a pattern, and the lower-case literals at least one of which any match
 * contains (a cheap test that skips the regular expression for most strings). When the rule is
 * {@code anchored}, every match starts at one of those literals, and the pattern is tried only
 * there instead of at every position. When the pattern has a group named {@code s} only that group
 * is replaced, otherwise the whole match. A group named {@code n} is the key a secret was found
 * under; {@code veto} sees that key extended backwards over name characters ({@code --db-password},
 * {@code MYSQL_ROOT_PASSWORD}) and may leave the match alone.
 */
public record ScrubRule(
    String name, Pattern pattern, List<String> hints, boolean anchored, Predicate<String> veto) {

  public ScrubRule {
    hints = hints.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (anchored && hints.isEmpty()) {
      throw new IllegalArgumentException("an anchored scrub rule needs literals: " + name);
    }
  }

  public static ScrubRule of(String name, String regex, String... hints) {
    return new ScrubRule(name, Pattern.compile(regex), List.of(hints), false, ScrubRule::noVeto);
  }

  /** A rule whose matches start at one of {@code anchors}, judged by {@code veto}. */
  public static ScrubRule anchored(
      String name, String regex, Predicate<String> veto, String... anchors) {
    return new ScrubRule(name, Pattern.compile(regex), List.of(anchors), true, veto);
  }

  private static boolean noVeto(String name) {
    return false;
  }

  public boolean mayMatch(String lowerCase) {
    if (hints.isEmpty()) {
      return true;
    }
    for (String hint : hints) {
      if (lowerCase.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with every match redacted, or {@code text} itself when nothing matched. */
  public String apply(String text, String replacement) {
    Matcher m = pattern.matcher(text);
    boolean hasSecretGroup = pattern.namedGroups().containsKey("s");
    boolean hasNameGroup = pattern.namedGroups().containsKey("n");
    String lower = anchored ? text.toLowerCase(Locale.ROOT) : text;
    boolean byAnchor = anchored && lower.length() == text.length();
    StringBuilder out = null;
    int last = 0;
    int from = 0;
    while (from <= text.length()) {
      if (byAnchor) {
        int at = nextAnchor(lower, from);
        if (at < 0) {
          break;
        }
        m.region(at, text.length());
        if (!m.lookingAt()) {
          from = at + 1;
          continue;
        }
      } else {
        m.region(from, text.length());
        if (!m.find()) {
          break;
        }
      }
      from = Math.max(m.end(), m.start() + 1);
      if (hasNameGroup && m.start("n") >= 0 && veto.test(fullName(text, m))) {
        continue;
      }
      boolean group = hasSecretGroup && m.start("s") >= 0;
      int start = group ? m.start("s") : m.start();
      int end = group ? m.end("s") : m.end();
      if (start < last) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, start).append(replacement);
      last = end;
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  private int nextAnchor(String lower, int from) {
    int best = -1;
    for (String anchor : hints) {
      int at = lower.indexOf(anchor, from);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  private static String fullName(String text, Matcher m) {
    int start = m.start("n");
    while (start > 0 && isNameChar(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, m.end("n")).toLowerCase(Locale.ROOT);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
