package dev.tapio.rules.internal.eval;

/** A test of one extracted (non-null) value. */
@FunctionalInterface
public interface ValueTest {
  boolean test(Object value);
}
