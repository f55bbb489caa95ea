package dev.tapio.grammar;

import static dev.tapio.grammar.Syntax.P;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Canonical condition text, and that it parses back to the same tree. */
class ConditionPrinterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a.a=1 or b.b=2 and c              | a.a = 1 or b.b = 2 and c",
        "(a or b) and (c or d)             | (a or b) and (c or d)",
        "(a or b) or c                     | (a or b) or c",
        "a and (b and c)                   | a and (b and c)",
        "not(a)and(not(b))                 | not a and not b",
        "not (a and b)                     | not (a and b)",
        "not(not(a))                       | not (not a)",
        "not not not a                     | not a",
        "not                               | (not)",
        "a and not                         | a and (not)",
        "x.y existsand m                   | x.y exists and m",
        "test.op in()                      | test.op in ()",
        "a.g in (1, 'a', \"b c\", 'd,e')   | a.g in (1, a, \"b c\", \"d,e\")",
        "a.b = 'x\\' '                     | a.b = \"x' \"",
        "a.b = \"\"                        | a.b = \"\"",
        "a.b = 'it'                        | a.b = \"it\"",
        "proc.aname[2]=bash                | proc.aname[2] = bash",
        "evt.arg['a b'] exists             | evt.arg[\"a b\"] exists",
        "evt.arg[\"\"] exists              | evt.arg[\"\"] exists",
        "proc.name== oneof oneof           | proc.name == oneof oneof",
        "proc.name startswith anyof (/a,/b)| proc.name startswith anyof (/a, /b)",
        "tolower( a.b )=b64(c.d)           | tolower(a.b) = b64(c.d)",
        "a.b=val(c.d[1])[x]                | a.b = val(c.d[1])[x]",
        "join('-',(a.b,toupper(c.d),1))>0  | join(\"-\", (a.b, toupper(c.d), 1)) > 0",
        "getopt(proc.args,'nt:')['t']=v    | getopt(proc.args, \"nt:\")[t] = v",
        "test.num<=0XaB00AB                | test.num <= 0XaB00AB",
      })
  void printsCanonicalText(String input, String canonical) {
    Expr parsed = FalcoConditionParser.parse(input);
    assertThat(ConditionPrinter.print(parsed)).isEqualTo(canonical);
    assertThat(parsed.toString()).isEqualTo(canonical);
  }

  @Test
  void quotesWhatABareStringCannotHold() {
    List<String> values =
        List.of(
            "with space",
            "comma,",
            "equals=",
            "(paren)",
            "quote\"",
            "apostrophe'",
            "",
            "tab\tline\nfeed\r\f\b",
            "\bleading backspace",
            "trailing backslash\\",
            "back\\slash",
            "\\\"",
            "control\u0001\u007f",
            "é✓😀");
    for (String value : values) {
      Check check = Check.binary(Syntax.field("a.b"), Operator.EQUALS, Syntax.bare(value), P);
      Expr reparsed = FalcoConditionParser.parse(ConditionPrinter.print(check));
      assertThat(((Literal) rhs(reparsed)).value()).as("value %s", value).isEqualTo(value);
      ListValue list = new ListValue(List.of(value, "x"), P);
      Check in = Check.binary(Syntax.field("a.b"), Operator.IN, list, P);
      Expr reparsedList = FalcoConditionParser.parse(ConditionPrinter.print(in));
      assertThat(((ListValue) rhs(reparsedList)).items()).isEqualTo(list.items());
      FieldRef field = new FieldRef("evt.arg", value, P);
      FieldExpr reparsedField =
          FalcoConditionParser.parseFieldExpression(ConditionPrinter.printField(field), 0)
              .expression();
      assertThat(((FieldRef) reparsedField).argument()).isEqualTo(value);
    }
  }

  static Stream<String> validConditions() {
    return Stream.of(
            ConditionAcceptRejectTest.booleanStructure(),
            ConditionAcceptRejectTest.operators(),
            ConditionAcceptRejectTest.strings(),
            ConditionAcceptRejectTest.fieldArguments(),
            ConditionAcceptRejectTest.numbers(),
            ConditionAcceptRejectTest.lists(),
            TransformerAcceptRejectTest.leftTransformers(),
            TransformerAcceptRejectTest.rightTransformers(),
            TransformerAcceptRejectTest.transformerLists(),
            TransformerAcceptRejectTest.getopt(),
            TransformerAcceptRejectTest.modifiers())
        .flatMap(s -> s);
  }

  @ParameterizedTest
  @MethodSource("validConditions")
  void printedTextParsesToTheSameTree(String input) {
    Expr parsed = FalcoConditionParser.parse(input);
    Syntax.assertTree(ConditionPrinter.print(parsed), parsed);
  }

  private static Value rhs(Expr check) {
    return Objects.requireNonNull(((Check) check).rhs());
  }
}
