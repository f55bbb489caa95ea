package dev.tapio.rules.internal.compiler;

import dev.tapio.api.filter.FilterTerm;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.filter.PathPattern;
import dev.tapio.api.filter.TypeFilter;
import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Modifier;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.rules.internal.condition.Conditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Kernel filter derivation: for each file-open type a rule can match, terms (path pattern, access
 * modes, success) that every event the condition is true for satisfies. The condition is first
 * folded for the type ({@link TypeSpecializer}); then {@code and} meets, {@code or} unites, and
 * {@code not} and every check this pass does not understand admit anything. Exceptions are only
 * {@code and not (...)}, so they never narrow the result, as they must not: the filter is an
 * over-approximation of the condition, never the other way round.
 *
 * <p>Understood, for the types of {@code FileOpen} events, whose paths are absolute and normalized
 * or else pass the filter unchecked: {@code fd.name} with {@code =}, {@code in}, {@code
 * startswith}, {@code endswith}, {@code pmatch} and {@code glob}; {@code fd.directory} with {@code
 * =}, {@code in}, {@code startswith}, {@code pmatch}; {@code fd.filename} with {@code =}, {@code
 * in}, {@code endswith}; {@code evt.is_open_read}/{@code evt.is_open_write} (access modes); {@code
 * fd.num} and {@code evt.rawres} compared with a non-negative bound (success).
 */
public final class KernelFilterPass {

  /** The event types of {@code FileOpen} events: the ones the kernel filters. */
  public static final Set<String> OPEN_TYPES = Set.of("creat", "open", "openat", "openat2");

  private static final int READ_MODES = 0b1101; // (flags & 3) != 1, as evt.is_open_read
  private static final int WRITE_MODES = 0b1110; // (flags & 3) != 0, as evt.is_open_write

  private KernelFilterPass() {}

  /**
   * The filter of one rule: an entry for each open type it can match ({@code types}, or every open
   * type when it matches any type).
   */
  public static KernelFilter of(Expr expanded, Set<String> types, boolean anyType) {
    Map<String, TypeFilter> out = new LinkedHashMap<>();
    for (String type : OPEN_TYPES) {
      if (!anyType && !types.contains(type)) {
        continue;
      }
      List<FilterTerm> terms =
          switch (TypeSpecializer.fold(expanded, type)) {
            case TypeSpecializer.Folded.True t -> FilterTerms.TOP;
            case TypeSpecializer.Folded.False f -> List.of();
            case TypeSpecializer.Folded.Left l -> terms(l.cond());
          };
      if (!terms.isEmpty()) {
        out.put(type, new TypeFilter(terms));
      }
    }
    return new KernelFilter(out);
  }

  /** The union of rules' filters over {@code types}: an empty union admits nothing. */
  public static KernelFilter union(List<KernelFilter> filters, Set<String> types) {
    Map<String, TypeFilter> out = new LinkedHashMap<>();
    for (String type : types) {
      List<FilterTerm> terms = List.of();
      for (KernelFilter f : filters) {
        TypeFilter t = f.types().get(type);
        if (t != null) {
          terms = FilterTerms.or(terms, t.terms());
        }
      }
      out.put(type, new TypeFilter(terms));
    }
    return new KernelFilter(out);
  }

  static List<FilterTerm> terms(Expr e) {
    return switch (e) {
      case And a -> {
        List<FilterTerm> acc = FilterTerms.TOP;
        for (Expr child : a.children()) {
          acc = FilterTerms.and(acc, terms(child));
          if (acc.isEmpty()) {
            break;
          }
        }
        yield acc;
      }
      case Or o -> {
        List<FilterTerm> acc = List.of();
        for (Expr child : o.children()) {
          acc = FilterTerms.or(acc, terms(child));
        }
        yield acc;
      }
      case Not n -> FilterTerms.TOP;
      case MacroRef m -> FilterTerms.TOP;
      case Check k -> check(k);
    };
  }

  private static List<FilterTerm> check(Check k) {
    if (!(k.lhs() instanceof FieldRef f) || f.argument() != null) {
      return FilterTerms.TOP;
    }
    List<String> values = Conditions.constants(k);
    if (values == null || (k.modifier() != null && k.modifier() == Modifier.ALLOF)) {
      return FilterTerms.TOP;
    }
    return switch (f.name()) {
      case "fd.name" -> paths(k, values, KernelFilterPass::namePattern);
      case "fd.directory" -> paths(k, values, KernelFilterPass::directoryPattern);
      case "fd.filename" -> paths(k, values, KernelFilterPass::filenamePattern);
      case "evt.is_open_read" -> modes(k, values, READ_MODES);
      case "evt.is_open_write" -> modes(k, values, WRITE_MODES);
      case "fd.num", "evt.rawres" -> success(k, values);
      default -> FilterTerms.TOP;
    };
  }

  private interface Patterns {
    /** What the path must look like when the field compares so with {@code v}; null: anything. */
    @Nullable PathPattern of(Check k, String v);
  }

  private static List<FilterTerm> paths(Check k, List<String> values, Patterns patterns) {
    List<FilterTerm> out = new ArrayList<>();
    for (String v : values) {
      PathPattern p = patterns.of(k, v);
      if (p == null) {
        return FilterTerms.TOP;
      }
      out.add(new FilterTerm(p, FilterTerm.ALL_MODES, false));
    }
    return FilterTerms.normalize(out);
  }

  private static @Nullable PathPattern namePattern(Check k, String v) {
    return switch (k.operator()) {
      case EQUALS, DOUBLE_EQUALS, IN -> new PathPattern.Exact(v);
      case STARTSWITH -> prefix(v);
      case ENDSWITH -> v.isEmpty() ? null : new PathPattern.Suffix(v);
      case PMATCH -> prefix(pmatchPrefix(v));
      case GLOB -> globPattern(v);
      default -> null;
    };
  }

  private static @Nullable PathPattern directoryPattern(Check k, String v) {
    return switch (k.operator()) {
      case EQUALS, DOUBLE_EQUALS, IN -> prefix(v.endsWith("/") ? v : v + "/");
      case STARTSWITH -> prefix(v);
      case PMATCH -> prefix(pmatchPrefix(v));
      default -> null;
    };
  }

  private static @Nullable PathPattern filenamePattern(Check k, String v) {
    return switch (k.operator()) {
      case EQUALS, DOUBLE_EQUALS, IN -> new PathPattern.Suffix("/" + v);
      case ENDSWITH -> v.isEmpty() ? null : new PathPattern.Suffix(v);
      default -> null;
    };
  }

  /** A prefix that says something about an absolute path; null for "" and "/". */
  private static @Nullable PathPattern prefix(String p) {
    return p.length() <= 1 && (p.isEmpty() || p.equals("/")) ? null : new PathPattern.Prefix(p);
  }

  /**
   * The leading text every path {@code pmatch} takes for {@code item} starts with: its components
   * without empty ones, joined by single slashes, up to the first wildcard.
   */
  private static String pmatchPrefix(String item) {
    StringBuilder out = new StringBuilder();
    for (String c : item.split("/")) {
      if (c.isEmpty()) {
        continue;
      }
      int w = firstWildcard(c);
      out.append('/').append(w < 0 ? c : c.substring(0, w));
      if (w >= 0) {
        break;
      }
    }
    return out.toString();
  }

  /** A whole-string glob: its literal start, else its literal end, else anything. */
  private static @Nullable PathPattern globPattern(String glob) {
    int first = firstWildcard(glob);
    if (first < 0) {
      return new PathPattern.Exact(glob);
    }
    PathPattern start = prefix(glob.substring(0, first));
    if (start != null) {
      return start;
    }
    int last = -1;
    for (int i = 0; i < glob.length(); i++) {
      if ("*?[]\\".indexOf(glob.charAt(i)) >= 0) {
        last = i;
      }
    }
    String end = glob.substring(last + 1);
    return end.isEmpty() ? null : new PathPattern.Suffix(end);
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("*?[\\".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<FilterTerm> modes(Check k, List<String> values, int trueModes) {
    if (values.size() != 1) {
      return FilterTerms.TOP;
    }
    Boolean wanted =
        switch (values.getFirst()) {
          case "true" -> true;
          case "false" -> false;
          default -> null;
        };
    if (wanted == null) {
      return FilterTerms.TOP;
    }
    boolean positive;
    switch (k.operator()) {
      case EQUALS, DOUBLE_EQUALS, IN -> positive = wanted;
      case NOT_EQUALS -> positive = !wanted;
      default -> {
        return FilterTerms.TOP;
      }
    }
    int modes = positive ? trueModes : FilterTerm.ALL_MODES & ~trueModes;
    return List.of(new FilterTerm(PathPattern.ANY, modes, false));
  }

  /** {@code fd.num >= 0}, {@code fd.num > -1}, {@code evt.rawres = 3}: the call succeeded. */
  private static List<FilterTerm> success(Check k, List<String> values) {
    if (values.size() != 1) {
      return FilterTerms.TOP;
    }
    long bound;
    try {
      bound = Long.parseLong(values.getFirst().strip());
    } catch (NumberFormatException e) {
      return FilterTerms.TOP;
    }
    boolean success =
        switch (k.operator()) {
          case GREATER_OR_EQUAL, EQUALS, DOUBLE_EQUALS -> bound >= 0;
          case GREATER -> bound >= -1;
          default -> false;
        };
    return success
        ? List.of(new FilterTerm(PathPattern.ANY, FilterTerm.ALL_MODES, true))
        : FilterTerms.TOP;
  }
}
