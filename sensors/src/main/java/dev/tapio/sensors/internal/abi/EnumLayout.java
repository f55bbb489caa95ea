package dev.tapio.sensors.internal.abi;

import java.util.List;

/**
 * One enum of {@code bpf/include/events.h} as Java was generated from it.
 *
 * @param name the C enum name
 * @param constants every enumerator, in declaration order
 */
public record EnumLayout(String name, List<Constant> constants) {
  public EnumLayout {
    constants = List.copyOf(constants);
  }

  /** An enumerator: its full C name and value. */
  public record Constant(String name, long value) {}
}
