package dev.tapio.alerts.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret: a pattern, the lower-case literals at least one of which any match contains
 * (a cheap test that skips the regular expression for most strings), and an optional veto on the
 * name a match was found under. When the pattern has a group named {@code s} only that group is
 * replaced, otherwise the whole match.
 */
public record ScrubRule(String name, Pattern pattern, List<String> hints, Predicate<String> veto) {
  private static final Predicate<String> NO_VETO = n -> false;

  public ScrubRule {
    hints = hints.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  public static ScrubRule of(String name, String regex, String... hints) {
    return new ScrubRule(name, Pattern.compile(regex), List.of(hints), NO_VETO);
  }

  /** A rule whose match is left alone when the group {@code n} (the key's name) is vetoed. */
  public static ScrubRule named(
      String name, String regex, Predicate<String> veto, String... hints) {
    return new ScrubRule(name, Pattern.compile(regex), List.of(hints), veto);
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
    if (!m.find()) {
      return text;
    }
    boolean hasSecretGroup = pattern.namedGroups().containsKey("s");
    boolean hasNameGroup = pattern.namedGroups().containsKey("n");
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      if (hasNameGroup
          && m.group("n") != null
          && veto.test(m.group("n").toLowerCase(Locale.ROOT))) {
        continue;
      }
      int start = hasSecretGroup && m.start("s") >= 0 ? m.start("s") : m.start();
      int end = hasSecretGroup && m.start("s") >= 0 ? m.end("s") : m.end();
      out.append(text, last, start).append(replacement);
      last = end;
    } while (m.find());
    if (last == 0) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }
}
