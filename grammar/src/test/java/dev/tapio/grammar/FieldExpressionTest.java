package dev.tapio.grammar;

import static dev.tapio.grammar.Syntax.P;
import static dev.tapio.grammar.Syntax.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a lone field or transformer out of an output format, after its {@code %}. */
class FieldExpressionTest {

  private static FieldExpressionMatch read(String text, int start) {
    return FalcoConditionParser.parseFieldExpression(text, start);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "%proc.name ran                        | proc.name                        | 10",
        "%proc.name)                           | proc.name                        | 10",
        "%proc.name,x                          | proc.name                        | 10",
        "%proc.name.                           | proc.name                        | 10",
        "%proc.aname[2] ran                    | proc.aname[2]                    | 14",
        "%evt.arg[\"a b\"]x                    | evt.arg[\"a b\"]                   | 15",
        "%tolower(proc.name) ran               | tolower(proc.name)               | 19",
        "%tolower( proc.name )                 | tolower(proc.name)               | 21",
        "%b64(toupper(fd.name))[1]]            | b64(toupper(fd.name))[1]         | 25",
        "%join(',', (fd.name, fd.directory))   | join(\",\", (fd.name, fd.directory)) | 35",
      })
  void readsTheLongestFieldExpressionAtTheStart(String text, String printed, int end) {
    FieldExpressionMatch match = read(text, 1);
    assertThat(ConditionPrinter.printField(match.expression())).isEqualTo(printed);
    assertThat(match.end()).isEqualTo(end);
    assertThat(match.expression().position()).isEqualTo(new Position(1, 2, 1));
  }

  @Test
  void buildsTheSameNodesAsConditions() {
    assertThat(read("%proc.aname[2]", 1).expression())
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*position")
        .isEqualTo(field("proc.aname", "2"));
    assertThat(read("x %tolower(proc.name)", 3).expression())
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*position")
        .isEqualTo(new Transformer(TransformerKind.TOLOWER, List.of(field("proc.name")), P));
  }

  @Test
  void seesOnlyTheGivenWindow() {
    String text = "%proc.name";
    assertThat(FalcoConditionParser.parseFieldExpression(text, 1, 8).expression())
        .isEqualTo(new FieldRef("proc.na", new Position(1, 2, 1)));
    assertThat(FalcoConditionParser.tryParseFieldExpression(text, 1, 5))
        .isEqualTo(
            new ParseResult.Failure<FieldExpressionMatch>(
                new ConditionSyntaxError(
                    SyntaxMessages.EXPECTED_FIELD_EXPRESSION, new Position(1, 2, 1))));
  }

  @Test
  void positionsCountFromTheStartOfTheWholeText() {
    FieldExpressionMatch match = read("line one\n  %fd.name", 12);
    assertThat(match.expression().position()).isEqualTo(new Position(2, 4, 12));
    assertThat(match.end()).isEqualTo(19);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "% proc.name         | expected a field or a field transformer | 2",
        "%proc               | expected a field or a field transformer | 2",
        "%val(proc.name)     | expected a field or a field transformer | 2",
        "%tolower (proc.name) | expected a field or a field transformer | 2",
        "%proc.aname[2       | expected a ']' token                    | 14",
        "%proc.aname[]       | expected a valid field argument: a quoted string or a bare string | 13",
        "%tolower(proc.name  | expected a ')' token closing the transformer | 19",
        "%                   | expected a field or a field transformer | 2",
      })
  void rejectsWhatIsNoFieldExpression(String text, String message, int column) {
    assertThatThrownBy(() -> read(text, 1))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> {
              assertThat(e.error().message()).isEqualTo(message);
              assertThat(e.error().position().column()).isEqualTo(column);
            });
  }

  @Test
  void refusesAWindowOutsideTheText() {
    assertThatThrownBy(() -> FalcoConditionParser.parseFieldExpression("%a.b", 2, 9))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
