package dev.tapio.rules.internal.fields;

import static dev.tapio.grammar.Operator.BCONTAINS;
import static dev.tapio.grammar.Operator.BSTARTSWITH;
import static dev.tapio.grammar.Operator.CONTAINS;
import static dev.tapio.grammar.Operator.DOUBLE_EQUALS;
import static dev.tapio.grammar.Operator.EQUALS;
import static dev.tapio.grammar.Operator.EXISTS;
import static dev.tapio.grammar.Operator.GREATER;
import static dev.tapio.grammar.Operator.GREATER_OR_EQUAL;
import static dev.tapio.grammar.Operator.IN;
import static dev.tapio.grammar.Operator.INTERSECTS;
import static dev.tapio.grammar.Operator.LESS;
import static dev.tapio.grammar.Operator.LESS_OR_EQUAL;
import static dev.tapio.grammar.Operator.NOT_EQUALS;
import static dev.tapio.grammar.Operator.STARTSWITH;

import dev.tapio.grammar.Operator;
import java.util.EnumSet;

/**
 * The type of a field's value, which decides the operators it allows and how right-hand values are
 * parsed. Extracted values are {@link String}, {@link Long}, {@link Boolean}, {@link
 * java.net.InetAddress}, {@code byte[]} or a {@code List<String>}.
 */
public enum FieldType {
  STRING(EnumSet.allOf(Operator.class)),
  NUMBER(
      EnumSet.of(
          EXISTS,
          EQUALS,
          DOUBLE_EQUALS,
          NOT_EQUALS,
          LESS,
          LESS_OR_EQUAL,
          GREATER,
          GREATER_OR_EQUAL,
          IN,
          INTERSECTS)),
  BOOL(EnumSet.of(EXISTS, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, INTERSECTS)),
  IPADDR(EnumSet.of(EXISTS, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, INTERSECTS)),
  IPNET(EnumSet.of(EXISTS, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, INTERSECTS)),
  BYTES(
      EnumSet.of(
          EXISTS, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, CONTAINS, BCONTAINS, BSTARTSWITH, STARTSWITH)),
  STRING_LIST(EnumSet.of(EXISTS, IN, INTERSECTS));

  @SuppressWarnings("ImmutableEnumChecker") // never changed after construction, never handed out
  private final EnumSet<Operator> operators;

  FieldType(EnumSet<Operator> operators) {
    this.operators = operators;
  }

  /** Whether a field of this type can be the left-hand side of {@code operator}. */
  public boolean allows(Operator operator) {
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
