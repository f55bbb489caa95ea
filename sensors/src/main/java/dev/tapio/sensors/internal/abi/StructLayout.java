package dev.tapio.sensors.internal.abi;

import java.util.List;

/**
 * One struct of {@code bpf/include/events.h} as Java was generated from it.
 *
 * @param name the C struct name
 * @param size {@code sizeof} the struct (the fixed part, before variable-length data)
 * @param members every member, in declaration order
 */
public record StructLayout(String name, long size, List<Member> members) {
  public StructLayout {
    members = List.copyOf(members);
  }

  /** A member: its name, byte offset and size (0 for a flexible array). */
  public record Member(String name, long offset, long size) {}
}
