package dev.tapio.api.filter;

import java.util.List;

/**
 * The filter of one event type: an event passes when some term admits it. No term means no event of
 * the type can match a rule. Paths that are not absolute always pass: the kernel cannot tell what a
 * relative path names before it resolves it.
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

  /** Whether an open (or change) with this path, flags and result passes. */
  public boolean admits(String path, int flags, long result) {
    if (!path.startsWith("/")) {
      return true;
    }
    for (FilterTerm t : terms) {
      if (t.admits(path, flags, result)) {
        return true;
      }
    }
    return false;
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
