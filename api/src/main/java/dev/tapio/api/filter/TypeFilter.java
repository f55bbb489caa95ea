package dev.tapio.api.filter;

import java.util.List;

/**
 * The filter of one event type: an event passes when some term admits it. No term means no event of
 * the type can match a rule. A path the kernel does not compare ({@link KernelFilter#compares}:
 * relative, not yet normal, too long) always passes: it cannot tell what the path names before it
 * is joined and normalized.
 *
 * @param terms the alternatives, none of them {@link PathPattern.Any} unless that is the only one
 */
public record TypeFilter(List<FilterTerm> terms) {
  public TypeFilter {
    terms = List.copyOf(terms);
  }

  /** The filter that lets every event of its type through. */
  public static final TypeFilter ANY = new TypeFilter(List.of(FilterTerm.ANY));

  /** Whether every event passes. */
  public boolean passesAll() {
    return terms.contains(FilterTerm.ANY);
  }

  /** Whether an open (or change) with this path as passed, flags and result passes. */
  public boolean admits(String rawPath, int flags, long result) {
    if (!KernelFilter.compares(rawPath)) {
      return accessModeAndResult(flags, result);
    }
    for (FilterTerm t : terms) {
      if (t.admits(rawPath, flags, result)) {
        return true;
      }
    }
    return false;
  }

  /** What the kernel checks of a path it does not compare: the modes and success overall. */
  private boolean accessModeAndResult(int flags, long result) {
    return (accessModes() & (1 << (flags & 3))) != 0 && (result >= 0 || !successOnly());
  }

  /** Access modes some term allows (bits as in {@link FilterTerm#accessModes}). */
  public int accessModes() {
    int m = 0;
    for (FilterTerm t : terms) {
      m |= t.accessModes();
    }
    return m;
  }

  /** Whether every term asks for success: a failed call never passes. */
  public boolean successOnly() {
    return !terms.isEmpty() && terms.stream().allMatch(FilterTerm::successOnly);
  }
}
