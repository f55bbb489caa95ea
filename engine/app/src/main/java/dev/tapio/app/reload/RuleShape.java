package dev.tapio.app.reload;

import dev.tapio.api.filter.FilterTerm;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.filter.PathPattern;
import dev.tapio.api.filter.TypeFilter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the sensors need of a rule base, known before it is built: the event types its rules (live,
 * shadow, correlation steps) can match and the kernel filter they allow. The sensors start with it
 * while the Drools rule base builds beside them, and {@link RuleShapeCache} keeps it by the rule
 * inputs' hash so a start with unchanged rules need not compile them first.
 *
 * <p>Its text form is a few lines (see {@link #text()}); {@link #parse} rejects anything else, so a
 * damaged cache file is noticed and the rules are compiled instead.
 */
public record RuleShape(SortedSet<String> eventTypes, KernelFilter kernelFilter) {

  static final String HEADER = "tapio-rule-shape 1";

  public RuleShape {
    eventTypes = Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
  }

  public RuleShape(Set<String> eventTypes, KernelFilter kernelFilter) {
    this(new TreeSet<>(eventTypes), kernelFilter);
  }

  /** The shape of a built rule base: what its rule sets say. */
  public static RuleShape of(RuleBase base) {
    return new RuleShape(base.eventTypes(), base.kernelFilter());
  }

  /**
   * The text form: the header, one {@code type NAME} line per event type, one {@code filter TYPE}
   * line per filtered type followed by its {@code term} lines, and {@code end}.
   */
  public String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    eventTypes.forEach(t -> out.append("type ").append(enc(t)).append('\n'));
    kernelFilter
        .types()
        .forEach(
            (type, filter) -> {
              out.append("filter ").append(enc(type)).append('\n');
              for (FilterTerm term : filter.terms()) {
                out.append("term ")
                    .append(term.accessModes())
                    .append(' ')
                    .append(term.successOnly())
                    .append(' ')
                    .append(pattern(term.path()))
                    .append('\n');
              }
            });
    return out.append("end\n").toString();
  }

  /**
   * Reads {@link #text()}'s form back.
   *
   * @throws IllegalArgumentException when {@code text} is not one (truncated, edited, another
   *     format)
   */
  public static RuleShape parse(String text) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
      throw new IllegalArgumentException("not a rule shape (no '" + HEADER + "' header)");
    }
    if (!lines.getLast().equals("end")) {
      throw new IllegalArgumentException("truncated (no 'end' line)");
    }
    Set<String> types = new TreeSet<>();
    Map<String, List<FilterTerm>> filters = new LinkedHashMap<>();
    List<FilterTerm> terms = null;
    for (String line : lines.subList(1, lines.size() - 1)) {
      String[] f = line.split(" ", -1);
      switch (f[0]) {
        case "type" -> types.add(dec(field(f, 2, line)[1]));
        case "filter" -> {
          terms = new ArrayList<>();
          filters.put(dec(field(f, 2, line)[1]), terms);
        }
        case "term" -> {
          if (terms == null) {
            throw new IllegalArgumentException("a term before any filter: " + line);
          }
          String[] t = field(f, 5, line);
          terms.add(
              new FilterTerm(pattern(t[3], t[4], line), Integer.parseInt(t[1]), bool(t[2], line)));
        }
        default -> throw new IllegalArgumentException("unknown line: " + line);
      }
    }
    Map<String, TypeFilter> typeFilters = new LinkedHashMap<>();
    filters.forEach((type, list) -> typeFilters.put(type, new TypeFilter(list)));
    return new RuleShape(types, new KernelFilter(typeFilters));
  }

  private static String[] field(String[] f, int count, String line) {
    if (f.length != count) {
      throw new IllegalArgumentException("expected " + count + " fields: " + line);
    }
    return f;
  }

  private static boolean bool(String s, String line) {
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + line);
    };
  }

  private static String pattern(PathPattern p) {
    return switch (p) {
      case PathPattern.Any a -> "any -";
      case PathPattern.Exact e -> "exact " + enc(e.path());
      case PathPattern.Prefix x -> "prefix " + enc(x.prefix());
      case PathPattern.Suffix x -> "suffix " + enc(x.suffix());
    };
  }

  private static PathPattern pattern(String kind, String value, String line) {
    return switch (kind) {
      case "any" -> PathPattern.ANY;
      case "exact" -> new PathPattern.Exact(dec(value));
      case "prefix" -> new PathPattern.Prefix(dec(value));
      case "suffix" -> new PathPattern.Suffix(dec(value));
      default -> throw new IllegalArgumentException("unknown path pattern: " + line);
    };
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
