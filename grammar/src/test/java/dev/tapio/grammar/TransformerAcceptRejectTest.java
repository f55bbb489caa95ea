package dev.tapio.grammar;

import static dev.tapio.grammar.Syntax.assertAccepted;
import static dev.tapio.grammar.Syntax.assertRejected;
import static dev.tapio.grammar.SyntaxMessages.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which transformer, {@code val()} and modifier forms libsinsp accepts and rejects, and with what
 * message where. Every accepted input is also tried with extra outer blanks and with its spaces
 * turned into line feeds and tabs.
 */
class TransformerAcceptRejectTest {

  static Stream<String> leftTransformers() {
    return Stream.of(
        "tolower(x.y) exists",
        "toupper(x.y) = A",
        "b64(toupper(x.y)) exists",
        "basename(proc.exe) = bash",
        "len(proc.args) > 0",
        "tolower( x.y ) = a",
        "toupper(tolower(b64(a.b))) exists",
        "tolower(x.y[1]) exists",
        "tolower(x.y)[1] exists",
        "concat(fd.name, \"x\", 12, fd.directory) = a",
        // The grammar leaves arity and argument kinds to the compiler.
        "tolower(\"x\") exists",
        "tolower((x.y)) exists");
  }

  @ParameterizedTest
  @MethodSource("leftTransformers")
  void acceptsTransformersOnTheLeft(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidLeftTransformers() {
    return Stream.of(
        arguments("val(x.y) exists", unexpectedTokenAfter("val"), 4),
        arguments("b64 (x.y) exists", unexpectedTokenAfter("b64"), 5),
        arguments("unknown(x.y) exists", unexpectedTokenAfter("unknown"), 8),
        arguments("TOLOWER(x.y) exists", unexpectedTokenAfter("TOLOWER"), 8),
        arguments("tolower(x.y exists", EXPECTED_TRANSFORMER_CLOSE, 13),
        arguments("tolower(x.y)) exists", EXPECTED_OPERATOR, 13),
        arguments("(test.field) exists", EXPECTED_OPERATOR, 12),
        arguments("tolower() exists", EXPECTED_TRANSFORMER_ARGUMENT, 9),
        arguments("tolower(x) exists", EXPECTED_TRANSFORMER_ARGUMENT, 9),
        arguments("tolower(x.y,) exists", EXPECTED_TRANSFORMER_ARGUMENT, 13),
        arguments("tolower(val(x.y)) exists", EXPECTED_TRANSFORMER_ARGUMENT, 9),
        arguments("tolower(x.y)[] exists", EXPECTED_FIELD_ARGUMENT, 14),
        arguments("tolower(x.y) [1] exists", EXPECTED_OPERATOR, 14),
        arguments("tolower(x.y y.z) exists", EXPECTED_TRANSFORMER_CLOSE, 13),
        arguments("tolower(x.y", EXPECTED_TRANSFORMER_CLOSE, 12));
  }

  @ParameterizedTest
  @MethodSource("invalidLeftTransformers")
  void rejectsBadTransformersOnTheLeft(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  @Test
  void rejectsATransformerNameFollowedByALineBreak() {
    assertRejected("b64\n(x.y) exists", unexpectedTokenAfter("b64"), 2, 1);
  }

  static Stream<String> rightTransformers() {
    return Stream.of(
        "a.b = val(c.d)",
        "a.b == val(c.d)",
        "a.b != val(c.d)",
        "a.b < val(c.d)",
        "a.b <= val(c.d)",
        "a.b > val(c.d)",
        "a.b >= val(c.d)",
        "a.b contains val(c.d)",
        "a.b startswith val(c.d)",
        "a.b in val(c.d)",
        "a.b intersects val(c.d)",
        "a.b pmatch val(c.d)",
        "a.b = b64(c.d)",
        "a.b > len(c.d)",
        "a.b in b64(c.d)",
        "a.b = val( c.d )",
        "a.b = val(c.d[1])",
        "a.b = val(c.d)[x]",
        "tolower(a.b) = b64(c.d)",
        "tolower(a.b) = val(c.d)",
        // Without its parenthesis right after it, a transformer name is a plain string.
        "some.field = b64 and(m)",
        "some.field = b64");
  }

  @ParameterizedTest
  @MethodSource("rightTransformers")
  void acceptsTransformersAndValOnTheRight(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidRightTransformers() {
    return Stream.of(
        arguments("some.field = b64and(m)", unexpectedTokenAfter("b64and"), 20),
        arguments("a.b = val(val(x.y))", EXPECTED_VAL_FIELD, 11),
        arguments("a.b = val(toupper(x.y))", EXPECTED_VAL_FIELD, 11),
        arguments("a.b = val(x)", EXPECTED_VAL_FIELD, 11),
        arguments("a.b = val()", EXPECTED_VAL_FIELD, 11),
        arguments("a.b = val(x.y, z.w)", EXPECTED_TRANSFORMER_CLOSE, 14),
        arguments("a.b = val(x.y", EXPECTED_TRANSFORMER_CLOSE, 14),
        arguments("a.b > val(x.y", EXPECTED_TRANSFORMER_CLOSE, 14),
        arguments("a.b = val (x.y)", unexpectedTokenAfter("val"), 11),
        arguments("a.b = (b64(x.y))", EXPECTED_STRING, 7),
        arguments("a.b in (a, b64(x.y))", EXPECTED_CLOSING_PAREN, 15));
  }

  @ParameterizedTest
  @MethodSource("invalidRightTransformers")
  void rejectsBadTransformersAndValOnTheRight(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> transformerLists() {
    return Stream.of(
        "join(\"-\", (fd.name, fd.directory)) = /tmp/test",
        "join(\"-\", (tolower(fd.name), \"x\", 'y', 1, 0x10)) = a",
        "join(\"-\", (fd.name[1], b64(toupper(fd.directory)))) = a",
        "join(\"-\", ()) = a",
        "join(\"-\", ( )) = a",
        "len(join(\"-\", (fd.name))) > 5",
        "a.b = join(\"-\", (fd.name, fd.directory))");
  }

  @ParameterizedTest
  @MethodSource("transformerLists")
  void acceptsTransformerLists(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidTransformerLists() {
    return Stream.of(
        arguments("join(\"-\", (,)) = x", EXPECTED_TRANSFORMER_LIST_ARGUMENT, 12),
        arguments("join(\"-\", (fd.name,)) = x", EXPECTED_TRANSFORMER_LIST_ARGUMENT, 20),
        arguments("join(\"-\", ((fd.name))) = x", EXPECTED_TRANSFORMER_LIST_ARGUMENT, 12),
        arguments("join(\"-\", (abc)) = x", EXPECTED_TRANSFORMER_LIST_ARGUMENT, 12),
        arguments("join(\"-\", (a-b)) = x", EXPECTED_TRANSFORMER_LIST_ARGUMENT, 12),
        arguments("join(\"-\", (val(a.b))) = x", EXPECTED_TRANSFORMER_LIST_ARGUMENT, 12),
        arguments("join(\"-\", (fd.name fd.directory)) = x", EXPECTED_TRANSFORMER_LIST_CLOSE, 20),
        arguments("join(\"-\", (fd.name) = x", EXPECTED_TRANSFORMER_CLOSE, 21));
  }

  @ParameterizedTest
  @MethodSource("invalidTransformerLists")
  void rejectsBadTransformerLists(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> getopt() {
    return Stream.of(
        "getopt(proc.args, \"nt:\")[t] = value",
        "getopt(proc.args, \"nt:\")[\"t\"] = value",
        "getopt(proc.args, \"nt:\")[\"\"] = value",
        "getopt(proc.args, \"nt:\") exists");
  }

  @ParameterizedTest
  @MethodSource("getopt")
  void acceptsGetoptWithAnArgument(String input) {
    assertAccepted(input);
  }

  @Test
  void rejectsGetoptWithAnEmptyArgument() {
    assertRejected("getopt(proc.args, \"nt:\")[] = value", EXPECTED_FIELD_ARGUMENT, 26);
  }

  static Stream<String> modifiers() {
    return Stream.of(
        "proc.name == oneof (cat, nginx)",
        "proc.name = anyof (cat, nginx)",
        "proc.name != allof (cat, nginx)",
        "proc.name != allof my_list",
        "proc.name == oneof oneof",
        "proc.name == oneof ()",
        "proc.aname[2] != oneof (bash, sh)",
        "tolower(proc.name) == oneof (bash, sh)",
        "proc.name contains anyof (a, b)",
        "proc.name icontains anyof (a, b)",
        "proc.name startswith anyof (/proc/, /sys/)",
        "proc.name endswith allof (a, b)",
        "proc.name glob oneof (a*, b*)",
        "proc.name iglob oneof (a*, b*)",
        "proc.name == oneof (cat) and fd.name exists",
        // Not followed by a list, or followed by a keyword: the word is a plain value.
        "proc.name == oneof",
        "proc.name == oneof and fd.name exists",
        "proc.name == anyof or (x)",
        "proc.name contains oneof");
  }

  @ParameterizedTest
  @MethodSource("modifiers")
  void acceptsModifiers(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidModifiers() {
    return Stream.of(
        arguments("proc.name ==oneof (cat, nginx)", unexpectedTokenAfter("oneof"), 19),
        arguments("proc.name == oneof(cat)", unexpectedTokenAfter("oneof"), 19),
        arguments("proc.name == ONEOF (cat)", unexpectedTokenAfter("ONEOF"), 20),
        arguments("proc.name == oneof (cat,)", EXPECTED_LIST_ITEM, 25),
        arguments(
            "proc.name == oneof_something (cat)", unexpectedTokenAfter("oneof_something"), 30),
        arguments("proc.name > oneof (1, 2)", EXPECTED_NUMBER, 13),
        arguments("proc.name in oneof (cat)", unexpectedTokenAfter("oneof"), 20),
        arguments("proc.name intersects anyof (cat)", unexpectedTokenAfter("anyof"), 28),
        arguments("proc.name == oneof (a) b", unexpectedTokenAfter(")"), 24),
        arguments("proc.name == oneof (tolower(a))", EXPECTED_CLOSING_PAREN, 28),
        // A keyword prefix makes the modifier a value, even in a longer name.
        arguments("proc.name == allof not_a_list", unexpectedTokenAfter("allof"), 20));
  }

  @ParameterizedTest
  @MethodSource("invalidModifiers")
  void rejectsBadModifiers(String input, String message, int column) {
    assertRejected(input, message, column);
  }
}
