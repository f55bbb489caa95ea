package dev.tapio.rules.internal.match;

/**
 * {@code fnmatch(pattern, text, 0)}: {@code *} matches any run of characters including {@code /}
 * (no {@code FNM_PATHNAME}), {@code ?} one character, {@code [...]} a set ({@code !} or {@code ^}
 * negates, ranges allowed), backslash quotes the next character. The whole text must match.
 */
public final class Glob {

  private Glob() {}

  public static boolean matches(String pattern, String text, boolean ignoreCase) {
    return match(pattern, 0, text, 0, ignoreCase);
  }

  private static boolean match(String p, int pi, String t, int ti, boolean ic) {
    int starP = -1;
    int starT = -1;
    while (ti < t.length()) {
      if (pi < p.length()) {
        char c = p.charAt(pi);
        if (c == '*') {
          starP = ++pi;
          starT = ti;
          continue;
        }
        int next = single(p, pi, t.charAt(ti), ic);
        if (next >= 0) {
          pi = next;
          ti++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      pi = starP;
      ti = ++starT;
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  /** Matches one pattern element at {@code pi} against {@code c}: the next index, or -1. */
  @SuppressWarnings("RefactorSwitch")
  private static int single(String p, int pi, char c, boolean ic) {
    char pc = p.charAt(pi);
    switch (pc) {
      case '?' -> {
        return pi + 1;
      }
      case '[' -> {
        return bracket(p, pi, c, ic);
      }
      case '\\' -> {
        if (pi + 1 < p.length()) {
          return same(p.charAt(pi + 1), c, ic) ? pi + 2 : -1;
        }
        return same('\\', c, ic) ? pi + 1 : -1;
      }
      default -> {
        return same(pc, c, ic) ? pi + 1 : -1;
      }
    }
  }

  private static int bracket(String p, int start, char c, boolean ic) {
    int i = start + 1;
    boolean negate = i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^');
    if (negate) {
      i++;
    }
    boolean found = false;
    boolean first = true;
    while (i < p.length() && (first || p.charAt(i) != ']')) {
      first = false;
      char lo = p.charAt(i);
      if (lo == '\\' && i + 1 < p.length()) {
        lo = p.charAt(++i);
      }
      char hi = lo;
      if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
        hi = p.charAt(i + 2);
        i += 2;
      }
      if (inRange(c, lo, hi, ic)) {
        found = true;
      }
      i++;
    }
    if (i >= p.length()) {
      // no closing bracket: '[' is an ordinary character
      return same('[', c, ic) ? start + 1 : -1;
    }
    return found != negate ? i + 1 : -1;
  }

  private static boolean inRange(char c, char lo, char hi, boolean ic) {
    if (c >= lo && c <= hi) {
      return true;
    }
    if (ic) {
      char l = Ascii.lower(c);
      char u = Ascii.upper(c);
      return (l >= lo && l <= hi) || (u >= lo && u <= hi);
    }
    return false;
  }

  private static boolean same(char a, char b, boolean ic) {
    return a == b || (ic && Ascii.lower(a) == Ascii.lower(b));
  }

  /** Whether {@code text} has a glob wildcard. */
  public static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
  }
}
