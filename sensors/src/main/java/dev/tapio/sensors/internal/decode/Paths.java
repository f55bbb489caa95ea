package dev.tapio.sensors.internal.decode;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Joins a relative path to the directory it is relative to and removes {@code .}, {@code ..} and
 * repeated slashes lexically, as Falco's {@code fd.name} does. Symlinks are not followed: the
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
    if (isNormal(joined)) {
      return joined; // most paths: nothing to remove
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

  /**
   * Whether an absolute path is already what {@link #lexical} makes of it: no empty, {@code .} or
   * {@code ..} component and no trailing slash (except the root itself).
   */
  static boolean isNormal(String path) {
    int n = path.length();
    if (n > 1 && path.charAt(n - 1) == '/') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (path.charAt(i) != '/') {
        continue;
      }
      // i starts a component: the rest up to the next slash (or the end)
      int next = i + 1;
      if (next < n && path.charAt(next) == '/') {
        return false;
      }
      if (next < n && path.charAt(next) == '.') {
        int after = next + 1;
        if (after == n || path.charAt(after) == '/') {
          return false; // "."
        }
        if (path.charAt(after) == '.' && (after + 1 == n || path.charAt(after + 1) == '/')) {
          return false; // ".."
        }
      }
    }
    return true;
  }
}
