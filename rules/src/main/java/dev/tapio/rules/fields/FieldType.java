package dev.tapio.rules.fields;

import java.util.Set;

/**
 * The type of a field's value, which decides the operators it allows and how right-hand values are
 * parsed. Extracted values are {@link String}, {@link Long}, {@link Boolean}, {@link
 * java.net.InetAddress}, {@code byte[]} or a {@code List<String>}.
 */
public enum FieldType {
  STRING(
      Set.of(
          "exists",
          "=",
          "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "contains",
          "icontains",
          "bcontains",
          "startswith",
          "bstartswith",
          "endswith",
          "glob",
          "iglob",
          "regex",
          "in",
          "intersects",
          "pmatch")),
  NUMBER(Set.of("exists", "=", "==", "!=", "<", "<=", ">", ">=", "in", "intersects")),
  BOOL(Set.of("exists", "=", "==", "!=", "in", "intersects")),
  IPADDR(Set.of("exists", "=", "==", "!=", "in", "intersects")),
  IPNET(Set.of("exists", "=", "==", "!=", "in", "intersects")),
  BYTES(Set.of("exists", "=", "==", "!=", "contains", "bcontains", "bstartswith", "startswith")),
  STRING_LIST(Set.of("exists", "in", "intersects"));

  @SuppressWarnings("ImmutableEnumChecker") // Set.of is immutable
  private final Set<String> operators;

  FieldType(Set<String> operators) {
    this.operators = operators;
  }

  public boolean allows(String operator) {
    return operators.contains(operator);
  }

  /** Falco's spelling of the type in messages. */
  public String falcoName() {
    return switch (this) {
      case STRING -> "CHARBUF";
      case NUMBER -> "INT64";
      case BOOL -> "BOOL";
      case IPADDR -> "IPADDR";
      case IPNET -> "IPNET";
      case BYTES -> "BYTEBUF";
      case STRING_LIST -> "LIST";
    };
  }
}
