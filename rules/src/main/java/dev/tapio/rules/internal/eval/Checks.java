package dev.tapio.rules.internal.eval;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.rules.internal.fields.FieldAccessor;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** Checks: extract, then test; a value that cannot be extracted makes the check false. */
public final class Checks {

  private Checks() {}

  /** {@code field op constant}. */
  public static EventPredicate check(FieldAccessor field, ValueTest test) {
    // the commonest tests get their own classes: one call through an interface less per check
    return switch (test) {
      case ValueTest.InSet in -> new InSetCheck(field, in.set());
      case ValueTest.StringEquals eq -> new StringEqualsCheck(field, eq.s(), eq.equal());
      default -> new Check(field, test);
    };
  }

  record InSetCheck(FieldAccessor field, java.util.Set<Object> set) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      Object v = field.get(e);
      return v != null && set.contains(v);
    }
  }

  record StringEqualsCheck(FieldAccessor field, String s, boolean equal) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      Object v = field.get(e);
      return v != null && s.equals(v.toString()) == equal;
    }
  }

  /** {@code field exists}. */
  public static EventPredicate exists(FieldAccessor field) {
    return e -> field.get(e) != null;
  }

  /** {@code field op val(other)}: false when either side is missing. */
  public static EventPredicate compareFields(
      FieldAccessor field, FieldAccessor other, DynamicTest test) {
    return e -> {
      Object v = field.get(e);
      if (v == null) {
        return false;
      }
      Object o = other.get(e);
      return o != null && test.test(v, o);
    };
  }

  /** A test of a value against a value known only at run time. */
  @FunctionalInterface
  public interface DynamicTest {
    boolean test(Object value, Object other);
  }

  /**
   * {@code proc.aname op x} without index: true when some ancestor (level 1 and up) passes.
   *
   * @param atLevel the predicate for one level
   */
  public static EventPredicate anyAncestor(IntFunction<EventPredicate> atLevel, int maxDepth) {
    EventPredicate[] levels = new EventPredicate[maxDepth];
    for (int i = 0; i < maxDepth; i++) {
      levels[i] = atLevel.apply(i + 1);
    }
    return e -> {
      int n = Math.min(levels.length, e.lineage().chain().size() - 1);
      for (int i = 0; i < n; i++) {
        if (levels[i].test(e)) {
          return true;
        }
      }
      return false;
    };
  }

  record Check(FieldAccessor field, ValueTest test) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      Object v = field.get(e);
      return v != null && test.test(v);
    }
  }

  /** Reads an ancestor, or null. */
  public static @Nullable ProcessInfo ancestor(EnrichedEvent e, int level) {
    return e.lineage().ancestor(level);
  }
}
