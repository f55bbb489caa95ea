package dev.tapio.rules.internal.eval;

import dev.tapio.api.context.EnrichedEvent;
import java.util.List;

/** Boolean combinations of predicates. */
public final class Logic {

  private Logic() {}

  public static EventPredicate and(List<EventPredicate> parts) {
    EventPredicate[] p = parts.toArray(EventPredicate[]::new);
    if (p.length == 1) {
      return p[0];
    }
    return new All(p);
  }

  public static EventPredicate or(List<EventPredicate> parts) {
    EventPredicate[] p = parts.toArray(EventPredicate[]::new);
    if (p.length == 1) {
      return p[0];
    }
    return new Any(p);
  }

  public static EventPredicate not(EventPredicate p) {
    return new Negation(p);
  }

  @SuppressWarnings("ArrayRecordComponent") // never compared; an array keeps the loop tight
  record All(EventPredicate[] parts) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      for (EventPredicate p : parts) {
        if (!p.test(e)) {
          return false;
        }
      }
      return true;
    }
  }

  @SuppressWarnings("ArrayRecordComponent") // never compared; an array keeps the loop tight
  record Any(EventPredicate[] parts) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      for (EventPredicate p : parts) {
        if (p.test(e)) {
          return true;
        }
      }
      return false;
    }
  }

  record Negation(EventPredicate inner) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      return !inner.test(e);
    }
  }
}
