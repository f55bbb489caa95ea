package dev.tapio.rules.internal.match;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pmatch}: a path matches when one of the prefixes is a whole-component prefix of it. Empty
 * components are skipped; a prefix component may hold glob wildcards, matched per component.
 */
public final class PathPrefix {

  private final List<String[]> prefixes = new ArrayList<>();

  public PathPrefix(List<String> paths) {
    for (String p : paths) {
      prefixes.add(components(p));
    }
  }

  public boolean matches(String path) {
    String[] value = components(path);
    for (String[] prefix : prefixes) {
      if (prefix.length <= value.length && componentsMatch(prefix, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean componentsMatch(String[] prefix, String[] value) {
    for (int i = 0; i < prefix.length; i++) {
      String p = prefix[i];
      if (Glob.hasWildcard(p) ? !Glob.matches(p, value[i], false) : !p.equals(value[i])) {
        return false;
      }
    }
    return true;
  }

  private static String[] components(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/", -1)) {
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out.toArray(String[]::new);
  }
}
