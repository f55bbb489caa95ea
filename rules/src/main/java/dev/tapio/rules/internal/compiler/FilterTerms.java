package dev.tapio.rules.internal.compiler;

import dev.tapio.api.filter.FilterTerm;
import dev.tapio.api.filter.PathPattern;
import dev.tapio.api.filter.PathPattern.Any;
import dev.tapio.api.filter.PathPattern.Exact;
import dev.tapio.api.filter.PathPattern.Prefix;
import dev.tapio.api.filter.PathPattern.Suffix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sets of {@link FilterTerm}s read as "some term admits the event": the lattice the kernel filter
 * pass computes in. Every operation over-approximates: {@code and} may keep more than the exact
 * intersection, a set past its budget becomes one term with no path constraint, never fewer events.
 */
final class FilterTerms {

  /** Terms one set may hold; beyond it the set collapses to one term without path constraint. */
  static final int BUDGET = 512;

  static final List<FilterTerm> TOP = List.of(FilterTerm.ANY);

  private FilterTerms() {}

  /** Either set: the union, normalized. */
  static List<FilterTerm> or(List<FilterTerm> a, List<FilterTerm> b) {
    List<FilterTerm> all = new ArrayList<>(a);
    all.addAll(b);
    return normalize(all);
  }

  /**
   * Both sets: every pair met, or when that would pass the budget, the more selective side alone
   * (each side alone holds the intersection).
   */
  static List<FilterTerm> and(List<FilterTerm> a, List<FilterTerm> b) {
    if (a.equals(TOP)) {
      return b;
    }
    if (b.equals(TOP)) {
      return a;
    }
    if ((long) a.size() * b.size() > BUDGET) {
      return weight(a) <= weight(b) ? a : b;
    }
    List<FilterTerm> out = new ArrayList<>();
    for (FilterTerm x : a) {
      for (FilterTerm y : b) {
        FilterTerm m = meet(x, y);
        if (m != null) {
          out.add(m);
        }
      }
    }
    return normalize(out);
  }

  /** How much a set lets through, roughly: a term without path constraint counts for many. */
  private static long weight(List<FilterTerm> terms) {
    long w = 0;
    for (FilterTerm t : terms) {
      w += t.path() instanceof Any ? 10_000 : 1;
    }
    return w;
  }

  /** Both terms at once, or null when no event can satisfy both. */
  static @Nullable FilterTerm meet(FilterTerm x, FilterTerm y) {
    int modes = x.accessModes() & y.accessModes();
    if (modes == 0) {
      return null;
    }
    PathPattern path = meet(x.path(), y.path());
    return path == null ? null : new FilterTerm(path, modes, x.successOnly() || y.successOnly());
  }

  private static @Nullable PathPattern meet(PathPattern p, PathPattern q) {
    if (p instanceof Any) {
      return q;
    }
    if (q instanceof Any) {
      return p;
    }
    if (p instanceof Exact e) {
      return q.matches(e.path()) ? p : null;
    }
    if (q instanceof Exact e) {
      return p.matches(e.path()) ? q : null;
    }
    return switch (p) {
      case Prefix a when q instanceof Prefix b ->
          a.prefix().startsWith(b.prefix()) ? a : b.prefix().startsWith(a.prefix()) ? b : null;
      case Suffix a when q instanceof Suffix b ->
          a.suffix().endsWith(b.suffix()) ? a : b.suffix().endsWith(a.suffix()) ? b : null;
      case Prefix a -> a; // and a suffix: keep the prefix, a superset of both
      default -> q; // a suffix and a prefix
    };
  }

  /**
   * One term per path pattern (modes united, success required only where every term required it);
   * terms a pattern-free term already admits removed; past the budget one pattern-free term.
   */
  static List<FilterTerm> normalize(List<FilterTerm> terms) {
    Map<PathPattern, FilterTerm> byPath = new LinkedHashMap<>();
    for (FilterTerm t : terms) {
      byPath.merge(t.path(), t, FilterTerms::join);
    }
    FilterTerm any = byPath.get(PathPattern.ANY);
    if (any != null) {
      byPath.values().removeIf(t -> t != any && covers(any, t));
    }
    if (byPath.size() > BUDGET) {
      return List.of(collapse(byPath.values()));
    }
    return List.copyOf(byPath.values());
  }

  /** One term without path constraint admitting every event one of {@code terms} admits. */
  static FilterTerm collapse(Iterable<FilterTerm> terms) {
    FilterTerm out = null;
    for (FilterTerm t : terms) {
      FilterTerm free = new FilterTerm(PathPattern.ANY, t.accessModes(), t.successOnly());
      out = out == null ? free : join(out, free);
    }
    return out == null ? FilterTerm.ANY : out;
  }

  private static FilterTerm join(FilterTerm a, FilterTerm b) {
    return new FilterTerm(
        a.path(), a.accessModes() | b.accessModes(), a.successOnly() && b.successOnly());
  }

  /** Whether pattern-free {@code any} admits everything {@code t} does. */
  private static boolean covers(FilterTerm any, FilterTerm t) {
    return (t.accessModes() & ~any.accessModes()) == 0 && (t.successOnly() || !any.successOnly());
  }
}
