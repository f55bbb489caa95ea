package dev.tapio.rules.internal.match;

/** ASCII-only case operations, as libc's in the C locale. */
public final class Ascii {

  private Ascii() {}

  public static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  public static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  public static String lower(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char l = lower(c);
      if (l != c && b == null) {
        b = new StringBuilder(s);
      }
      if (b != null) {
        b.setCharAt(i, l);
      }
    }
    return b == null ? s : b.toString();
  }

  public static String upper(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(upper(s.charAt(i)));
    }
    return b.toString();
  }

  /** {@code strcasestr(haystack, needle) != NULL} with ASCII folding. */
  public static boolean containsIgnoreCase(String haystack, String needle) {
    int n = needle.length();
    outer:
    for (int i = 0; i + n <= haystack.length(); i++) {
      for (int j = 0; j < n; j++) {
        if (lower(haystack.charAt(i + j)) != lower(needle.charAt(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
