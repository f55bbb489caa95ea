package dev.tapio.api.filter;

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

  /** Whether an event of {@code type} with this path, flags and result passes. */
  public boolean admits(String type, String path, int flags, long result) {
    TypeFilter f = types.get(type);
    return f == null || f.admits(path, flags, result);
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
