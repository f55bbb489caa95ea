package dev.tapio.sensors.internal.decode;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Joins a relative path to the directory it is relative to and removes {@code .} and {@code ..}
 * lexically, for opens that failed and so have no file to resolve. Symlinks are not followed: the
 * result is what the caller asked for, not necessarily what exists.
 */
final class Paths {
  private static final java.util.regex.Pattern SLASH = java.util.regex.Pattern.compile("/");

  private Paths() {}

  static String lexical(String base, String raw) {
    if (raw.isEmpty()) {
      return base;
    }
    String joined = raw.startsWith("/") || base.isEmpty() ? raw : base + "/" + raw;
    if (!joined.startsWith("/")) {
      return raw; // relative with nothing to resolve against: keep it as given
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : SLASH.split(joined)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
