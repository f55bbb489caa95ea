package dev.tapio.api.filter;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the kernel may drop before it builds a record: for each event type it filters, a {@link
 * TypeFilter} that every event some loaded rule could match passes. Conservative by contract: it
 * may let through what no rule needs, never drop what one could match. Event types without an entry
 * are not filtered (process lifecycle, which enrichment needs, never has one).
 *
 * @param types the filtered event types ({@code openat}, ...), sorted
 */
public record KernelFilter(Map<String, TypeFilter> types) {
  public KernelFilter {
    types = Collections.unmodifiableMap(new TreeMap<>(types));
  }

  /** The filter that drops nothing. */
  public static final KernelFilter NONE = new KernelFilter(Map.of());

  public Optional<TypeFilter> forType(String type) {
    return Optional.ofNullable(types.get(type));
  }

  /** Longest path, in UTF-8 bytes, the kernel compares; a longer one passes unchecked. */
  public static final int MAX_PATH_BYTES = 254;

  /**
   * Whether an event of {@code type} passes, with the path as passed to the syscall ({@code
   * rawPath}), its flags and result: what the kernel decides.
   */
  public boolean admits(String type, String rawPath, int flags, long result) {
    TypeFilter f = types.get(type);
    return f == null || f.admits(rawPath, flags, result);
  }

  /**
   * Whether the kernel compares a path as passed to the syscall with the filter's patterns: only
   * when it is what the event will report, absolute and already normal ({@link #isNormal}), and at
   * most {@link #MAX_PATH_BYTES} long. Any other path passes, since the rules see it only after it
   * is joined to its directory or normalized, which the kernel does not do.
   */
  public static boolean compares(String rawPath) {
    return rawPath.startsWith("/")
        && isNormal(rawPath)
        && (rawPath.length() <= MAX_PATH_BYTES / 3
            || rawPath.getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES);
  }

  /**
   * Whether an absolute path is already in normal form, as {@code fd.name} reports it: no empty,
   * {@code .} or {@code ..} component and no trailing slash (except the root itself).
   */
  public static boolean isNormal(String path) {
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

  /**
   * One line: per filtered type, {@code any} (nothing dropped), {@code none} (everything dropped)
   * or how many path terms it admits, e.g. {@code creat 4 terms, open any, openat 9 terms}.
   */
  public String summary() {
    if (types.isEmpty()) {
      return "drops nothing";
    }
    StringBuilder out = new StringBuilder();
    types.forEach(
        (type, f) -> {
          out.append(out.isEmpty() ? "" : ", ").append(type).append(' ');
          if (f.passesAll()) {
            out.append("any");
          } else if (f.terms().isEmpty()) {
            out.append("none");
          } else {
            out.append(f.terms().size()).append(f.terms().size() == 1 ? " term" : " terms");
          }
        });
    return out.toString();
  }

  /**
   * The filter as readable text, one type per block:
   *
   * <pre>
   * openat:
   *   - startswith /etc/ [modes write,readwrite]
   *   - = /etc/shadow
   * </pre>
   *
   * A type whose filter lets everything through reads {@code openat: any}; one no event passes
   * reads {@code openat: none}. The text is YAML.
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    types.forEach(
        (type, f) -> {
          if (f.passesAll()) {
            out.append(type).append(": any\n");
          } else if (f.terms().isEmpty()) {
            out.append(type).append(": none\n");
          } else {
            out.append(type).append(":\n");
            f.terms().forEach(t -> out.append("  - \"").append(yaml(t.describe())).append("\"\n"));
          }
        });
    return out.toString();
  }

  private static String yaml(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
