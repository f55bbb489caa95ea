package dev.tapio.grammar;

import static dev.tapio.grammar.Syntax.assertAccepted;
import static dev.tapio.grammar.Syntax.assertRejected;
import static dev.tapio.grammar.SyntaxMessages.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which conditions libsinsp accepts and rejects, and with what message where: boolean structure,
 * operators, strings, field arguments, numbers and lists. Every accepted input is also tried with
 * extra outer blanks and with its spaces turned into line feeds and tabs.
 */
class ConditionAcceptRejectTest {

  static Stream<String> booleanStructure() {
    return Stream.of(
        "a",
        "(a)",
        "((a))",
        "a and b and(c)",
        "(a)or(b)or(c)",
        "(a)and(b)",
        "a or(b)",
        "not(a)",
        "not (a)",
        "not not a",
        "not(not(a))",
        "not not(a)",
        "not(a)and(not(b))",
        "a.b = 1 and not a",
        "a or b and c",
        "not a and not b or c",
        "(a or b) and c",
        "macro and not_macro",
        "macro and and_macro",
        "or_macro or notz",
        "notz and a and b",
        "andx and orx",
        // Keywords are not reserved: alone, they are macro names.
        "and",
        "or");
  }

  @ParameterizedTest
  @MethodSource("booleanStructure")
  void acceptsBooleanStructure(String input) {
    assertAccepted(input);
  }

  /**
   * A lone {@code not} is a macro name, but {@code not} followed by blanks starts a negation: these
   * hold only as written.
   */
  @ParameterizedTest
  @ValueSource(strings = {"not", "a and not", "not not", "(a) or not"})
  void acceptsNotAsAMacroNameWithoutTrailingBlanks(String input) {
    assertThat(FalcoConditionParser.tryParse(input)).isInstanceOf(ParseResult.Success.class);
    assertRejected(input + " ", EXPECTED_CHECK, input.length() + 2);
  }

  static Stream<Arguments> invalidBooleanStructure() {
    return Stream.of(
        arguments("", EMPTY_INPUT, 1),
        arguments("   ", EXPECTED_CHECK, 4),
        arguments("a andb", EXPECTED_BLANK_AFTER_AND, 6),
        arguments("aand b", unexpectedTokenAfter("aand"), 6),
        arguments("a and b and", EXPECTED_BLANK_AFTER_AND, 12),
        arguments("a and ", EXPECTED_CHECK, 7),
        arguments("and a", unexpectedTokenAfter("and"), 5),
        arguments("a not b", unexpectedTokenAfter("a"), 3),
        arguments("a andnot b", EXPECTED_BLANK_AFTER_AND, 6),
        arguments("(a)ornot(b)", EXPECTED_BLANK_AFTER_OR, 6),
        arguments("a orb", EXPECTED_BLANK_AFTER_OR, 5),
        arguments("a or", EXPECTED_BLANK_AFTER_OR, 5),
        arguments("a and or b", unexpectedTokenAfter("or"), 10),
        arguments("a and b c", unexpectedTokenAfter("b"), 9),
        arguments("(a.b = 1", EXPECTED_CLOSING_PAREN, 9),
        arguments("(a b)", EXPECTED_CLOSING_PAREN, 4),
        arguments("not(a", EXPECTED_CLOSING_PAREN, 6),
        arguments("not (a", EXPECTED_CLOSING_PAREN, 7),
        arguments("a)", unexpectedTokenAfter("a"), 2),
        arguments("(a))", unexpectedTokenAfter(")"), 4),
        arguments("()", EXPECTED_CHECK, 2),
        arguments("not ", EXPECTED_CHECK, 5),
        arguments("#a and b; a and b", EXPECTED_CHECK, 1),
        // `not` takes POSIX spaces (no backspace); other places take blanks (no form feed).
        arguments("not\ba", unexpectedTokenAfter("not"), 5),
        arguments("a\fand b", unexpectedTokenAfter("a"), 2));
  }

  @ParameterizedTest
  @MethodSource("invalidBooleanStructure")
  void rejectsBooleanStructure(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> operators() {
    return Stream.of(
        "test.op exists",
        "test.op exists and macro",
        "x.y existsand m",
        "test.op <= 1",
        "test.op <=1",
        "test.op < 1",
        "test.op <1",
        "test.op >= 1",
        "test.op >=1",
        "test.op > 1",
        "test.op >1",
        "test.op > 1and m",
        "test.op == value",
        "test.op ==value",
        "test.op = value",
        "test.op =value",
        "test.op != value",
        "test.op !=value",
        "test.op glob value",
        "test.op iglob value",
        "test.op contains value",
        "test.op icontains value",
        "test.op bcontains cafebabe",
        "test.op startswith value",
        "test.op bstartswith cafe",
        "test.op endswith value",
        "test.op regex value",
        "test.op in (value)",
        "test.op in(value)",
        "test.op in()",
        "test.op intersects (value)",
        "test.op intersects(value)",
        "test.op pmatch (/value)",
        "test.op pmatch(/value)",
        "test.op in list_name",
        "test.op intersects list_name",
        // `in` needs no blank, so the rest is a list name.
        "a.a invalidoperator");
  }

  @ParameterizedTest
  @MethodSource("operators")
  void acceptsEveryOperator(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidOperators() {
    return Stream.of(
        arguments("test.op", EXPECTED_OPERATOR, 8),
        arguments("test.op ExIsTs", EXPECTED_OPERATOR, 9),
        arguments("test.op exists something", unexpectedTokenAfter("exists"), 16),
        arguments("test.op ===", EXPECTED_STRING, 11),
        arguments("test.op startswithvalue", EXPECTED_OPERATOR, 9),
        arguments("test.op contains", EXPECTED_OPERATOR, 9),
        arguments("test.op >", EXPECTED_NUMBER, 10),
        arguments("test.op in", EXPECTED_LIST, 11),
        arguments("test.op = ", EXPECTED_STRING, 11),
        arguments("test.op !", EXPECTED_OPERATOR, 9),
        arguments("test.op [1] exists", EXPECTED_OPERATOR, 9),
        arguments("a.a invalidoperator xxx", unexpectedTokenAfter("validoperator"), 21),
        arguments("macro > 12", unexpectedTokenAfter("macro"), 7));
  }

  @ParameterizedTest
  @MethodSource("invalidOperators")
  void rejectsBadOperators(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> strings() {
    return Stream.of(
        "test.str = 0a!@#456:/\\.;!$%^&*[]{}|",
        "test.str = *.log",
        "test.str = not",
        "test.str = and",
        "test.str = proc.pname",
        "test.str = 'escape single quote \\' '",
        "test.str = \"escape double quote \\\" \"",
        "test.str = 'mixed \"quotes'",
        "test.str = \"mixed 'quotes\"",
        "test.str = \"\\b\\f\\n\\r\\t\\\\\\/\\x41\"",
        "test.str = ''",
        "test.str = \"\"",
        "test.str = \"a\" and b",
        "test.str = 'a'and b",
        "test.str = \"é ü ✓\"",
        "test.str = é✓");
  }

  @ParameterizedTest
  @MethodSource("strings")
  void acceptsStrings(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidStrings() {
    return Stream.of(
        arguments("test.str = \"unterminated", EXPECTED_STRING, 12),
        arguments("test.str = 'unterminated\\'", EXPECTED_STRING, 12),
        arguments("test.str = \"a\\\\\"", EXPECTED_STRING, 12),
        arguments("test.str = \"mixed \\'\"", INVALID_SINGLE_QUOTE_ESCAPE, 22),
        arguments("test.str = 'mixed \\\"'", INVALID_DOUBLE_QUOTE_ESCAPE, 22),
        arguments("test.str = \"\\q\"", unsupportedEscape("q"), 16),
        arguments("test.str = \"\\x4\"", TRUNCATED_HEX_ESCAPE, 17),
        arguments("test.str = \"\\xzz\"", invalidHexEscape("zz"), 18),
        arguments("test.str = \"\\x4g\"", invalidHexEscape("4g"), 18),
        arguments("test.str = a,", unexpectedTokenAfter("a"), 13),
        arguments("test.str = a=", unexpectedTokenAfter("a"), 13),
        arguments("test.str = a('\")", unexpectedTokenAfter("a"), 13),
        arguments("test.str = (x)", EXPECTED_STRING, 12),
        arguments("test.str = \"x y\" z", unexpectedTokenAfter("x y"), 18));
  }

  @ParameterizedTest
  @MethodSource("invalidStrings")
  void rejectsBadStrings(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> fieldArguments() {
    return Stream.of(
        "test.str[aaaa1] exists",
        "test.str[+0.25e+10] exists",
        "test.str[\"test \\\"with\\\"escaping\"] exists",
        "test.str['single'] exists",
        "test.str[\"\"] exists",
        "test.str[a(b),=c] exists",
        "evt.arg[0] contains /bin",
        "evt.arg[a] contains /bin",
        "proc.aname[2] = bash",
        "container.mount.dest[/var/run/docker.sock] exists");
  }

  @ParameterizedTest
  @MethodSource("fieldArguments")
  void acceptsFieldArguments(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidFieldArguments() {
    return Stream.of(
        arguments("evt.arg[]", EXPECTED_FIELD_ARGUMENT, 9),
        arguments("test.str[[]", EXPECTED_FIELD_ARGUMENT, 10),
        arguments("test.str[   test   ]", EXPECTED_FIELD_ARGUMENT, 10),
        arguments("test.str] = x", EXPECTED_OPERATOR, 9),
        arguments("evt.arg[a b] exists", EXPECTED_CLOSING_BRACKET, 10),
        arguments("evt.arg[1 exists", EXPECTED_CLOSING_BRACKET, 10),
        arguments("evt.arg[\"x\"y] exists", EXPECTED_CLOSING_BRACKET, 12),
        arguments("evt.arg[1]] exists", EXPECTED_OPERATOR, 11),
        arguments("evt.arg [1] exists", EXPECTED_OPERATOR, 9),
        arguments("evt.arg[\"\\q\"] exists", unsupportedEscape("q"), 13));
  }

  @ParameterizedTest
  @MethodSource("invalidFieldArguments")
  void rejectsBadFieldArguments(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> numbers() {
    return Stream.of(
        "test.num <= 0XaB00AB",
        "test.num > -0.1222e+10",
        "test.num < 1.",
        "test.num >= +5",
        "test.num > 12e-3",
        // What a numeric operator refuses is a fine string.
        "test.num = !0.1",
        "test.num = 0xAAA.1",
        "test.num = a");
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void acceptsNumbers(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidNumbers() {
    return Stream.of(
        arguments("test.num > !0.1", EXPECTED_NUMBER, 12),
        arguments("test.num < 0xAAA.1", unexpectedTokenAfter("0xAAA"), 17),
        arguments("test.num <= a", EXPECTED_NUMBER, 13),
        arguments("test.num > 1e5", unexpectedTokenAfter("1"), 13),
        arguments("test.num > \"1\"", EXPECTED_NUMBER, 12),
        arguments("test.num > (1)", EXPECTED_NUMBER, 12));
  }

  @ParameterizedTest
  @MethodSource("invalidNumbers")
  void rejectsBadNumbers(String input, String message, int column) {
    assertRejected(input, message, column);
  }

  static Stream<String> lists() {
    return Stream.of(
        "test.list in ()",
        "test.list in ( )",
        "test.list in (value, \"value\", 'value')",
        "test.list intersects (value, \"value\", 'value')",
        "test.list pmatch (value, \"value\", 'value')",
        "a.g in (1, 'a', b.c)",
        "a.g in (a,b,c)",
        "a.g in ( a , b )",
        "a.g in (\"with space\", '\"quoted\"')",
        "a.g in (a) and b");
  }

  @ParameterizedTest
  @MethodSource("lists")
  void acceptsLists(String input) {
    assertAccepted(input);
  }

  static Stream<Arguments> invalidLists() {
    return Stream.of(
        arguments("test.list in (", EXPECTED_CLOSING_PAREN, 15),
        arguments("test.list in )", EXPECTED_LIST, 14),
        arguments("test.list in (value,)", EXPECTED_LIST_ITEM, 21),
        arguments("test.list in (,)", EXPECTED_CLOSING_PAREN, 15),
        arguments("a.g in ( 1 ,, , b)", EXPECTED_LIST_ITEM, 13),
        arguments("test.list = (value)", EXPECTED_STRING, 13),
        arguments("test.list startswith (value)", EXPECTED_STRING, 22),
        arguments("test.list in (a b)", EXPECTED_CLOSING_PAREN, 17),
        arguments("test.list in ((a))", EXPECTED_CLOSING_PAREN, 15),
        arguments("test.list in (a, b64(x))", EXPECTED_CLOSING_PAREN, 21),
        arguments("test.list in (a=b)", EXPECTED_CLOSING_PAREN, 16),
        arguments("test.list in (\"\\q\", a)", EXPECTED_CLOSING_PAREN, 19),
        arguments("test.list in (a, \"\\q\")", unsupportedEscape("q"), 22),
        arguments("test.list in 1", EXPECTED_LIST, 14),
        arguments("test.list in \"a\"", EXPECTED_LIST, 14));
  }

  @ParameterizedTest
  @MethodSource("invalidLists")
  void rejectsBadLists(String input, String message, int column) {
    assertRejected(input, message, column);
  }
}
