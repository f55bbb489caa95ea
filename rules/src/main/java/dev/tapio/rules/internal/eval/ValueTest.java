package dev.tapio.rules.internal.eval;

/** A test of one extracted (non-null) value. */
@FunctionalInterface
public interface ValueTest {
  boolean test(Object value);

  /** {@code value in (set)}: a value equal to one of the constants. */
  record InSet(java.util.Set<Object> set) implements ValueTest {
    @Override
    public boolean test(Object value) {
      return set.contains(value);
    }
  }

  /** {@code value = s} ({@code equal}) or {@code value != s} for a string field. */
  record StringEquals(String s, boolean equal) implements ValueTest {
    @Override
    public boolean test(Object value) {
      return s.equals(value.toString()) == equal;
    }
  }
}
