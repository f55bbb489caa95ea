package dev.tapio.sensors.internal.decode;

import dev.tapio.api.filter.KernelFilter;
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

  /** Whether an absolute path is already what {@link #lexical} makes of it. */
  static boolean isNormal(String path) {
    return KernelFilter.isNormal(path);
  }
}
