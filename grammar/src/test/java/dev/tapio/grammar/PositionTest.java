package dev.tapio.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Every node says where it starts: 1-based line and column, 0-based offset. */
class PositionTest {

  private static final String MULTI_LINE =
      """
      proc.name = bash and
        not fd.name in (a, b)
        or tolower(x.y) >= val(c.d)""";

  @Test
  void everyNodeKindOverSeveralLines() {
    Or or = (Or) FalcoConditionParser.parse(MULTI_LINE);
    assertThat(or.position()).isEqualTo(new Position(1, 1, 0));

    And and = (And) or.children().get(0);
    assertThat(and.position()).isEqualTo(new Position(1, 1, 0));
    Check bash = (Check) and.children().get(0);
    assertThat(bash.position()).isEqualTo(new Position(1, 1, 0));
    assertThat(bash.lhs().position()).isEqualTo(new Position(1, 1, 0));
    assertThat(rhs(bash).position()).isEqualTo(new Position(1, 13, 12));

    Not not = (Not) and.children().get(1);
    assertThat(not.position()).isEqualTo(new Position(2, 3, 23));
    Check in = (Check) not.child();
    assertThat(in.position()).isEqualTo(new Position(2, 7, 27));
    assertThat(in.lhs().position()).isEqualTo(new Position(2, 7, 27));
    assertThat(rhs(in)).isInstanceOf(ListValue.class);
    assertThat(rhs(in).position()).isEqualTo(new Position(2, 18, 38));

    Check ge = (Check) or.children().get(1);
    assertThat(ge.position()).isEqualTo(new Position(3, 6, 50));
    Transformer tolower = (Transformer) ge.lhs();
    assertThat(tolower.position()).isEqualTo(new Position(3, 6, 50));
    assertThat(tolower.args().getFirst().position()).isEqualTo(new Position(3, 14, 58));
    FieldValue val = (FieldValue) rhs(ge);
    assertThat(val.position()).isEqualTo(new Position(3, 22, 66));
    assertThat(val.field().position()).isEqualTo(new Position(3, 26, 70));
  }

  @Test
  void macroReferencesLiteralsAndTransformerArguments() {
    And and =
        (And) FalcoConditionParser.parse("m1 and\tjoin(\"-\", (a.b, 1)) = x and a.c in my_list");
    assertThat(and.children().get(0).position()).isEqualTo(new Position(1, 1, 0));
    Check join = (Check) and.children().get(1);
    Transformer transformer = (Transformer) join.lhs();
    assertThat(transformer.position()).isEqualTo(new Position(1, 8, 7));
    assertThat(transformer.args().get(0).position()).isEqualTo(new Position(1, 13, 12));
    TransformerList items = (TransformerList) transformer.args().get(1);
    assertThat(items.position()).isEqualTo(new Position(1, 18, 17));
    assertThat(items.items().stream().map(TransformerArg::position).toList())
        .isEqualTo(List.of(new Position(1, 19, 18), new Position(1, 24, 23)));
    assertThat(rhs(join).position()).isEqualTo(new Position(1, 30, 29));
    Check in = (Check) and.children().get(2);
    assertThat(rhs(in).position()).isEqualTo(new Position(1, 43, 42));
  }

  @Test
  void groupsStartWhereTheTextOfTheirFirstOperandStarts() {
    And and = (And) FalcoConditionParser.parse("  (  a or b) and not not(c)");
    assertThat(and.position()).isEqualTo(new Position(1, 3, 2));
    assertThat(and.children().get(0).position()).isEqualTo(new Position(1, 6, 5));
    assertThat(and.children().get(1).position()).isEqualTo(new Position(1, 26, 25));
    Or or = (Or) FalcoConditionParser.parse("a or not b and c or (d)");
    assertThat(or.children().get(1).position()).isEqualTo(new Position(1, 6, 5));
    assertThat(or.children().get(2).position()).isEqualTo(new Position(1, 22, 21));
  }

  @Test
  void theOutermostOrStartsAtTheStartOfTheText() {
    Or or = (Or) FalcoConditionParser.parse("\n  a or b");
    assertThat(or.position()).isEqualTo(new Position(1, 1, 0));
    assertThat(or.children().get(0).position()).isEqualTo(new Position(2, 3, 3));
    Or inner = (Or) FalcoConditionParser.parse("\n  (  a or b)");
    assertThat(inner.position()).isEqualTo(new Position(2, 6, 6));
  }

  @Test
  void nodesOfAComplexConditionAreWhereLibsinspPutsThem() {
    Or or =
        (Or)
            FalcoConditionParser.parse(
                "(proc.aname[2]=nginx and evt.type in (connect,accept)) or (not fd.name exists) or "
                    + "(proc.name=apache and evt.type=switch)");
    And first = (And) or.children().get(0);
    assertThat(first.position().offset()).isEqualTo(1);
    Check in = (Check) first.children().get(1);
    assertThat(List.of(in.position().offset(), rhs(in).position().offset()))
        .isEqualTo(List.of(25, 37));
    Not not = (Not) or.children().get(1);
    assertThat(List.of(not.position().offset(), not.child().position().offset()))
        .isEqualTo(List.of(59, 63));
    And last = (And) or.children().get(2);
    assertThat(last.position().offset()).isEqualTo(83);
    Check eq = (Check) last.children().get(1);
    assertThat(List.of(eq.position().offset(), rhs(eq).position().offset()))
        .isEqualTo(List.of(104, 113));
  }

  @Test
  void aRunOfNotStartsAtItsFirstNot() {
    And and = (And) FalcoConditionParser.parse("a and not not not(b)");
    assertThat(and.children().get(1).position()).isEqualTo(new Position(1, 7, 6));
  }

  @Test
  void everyCarriageReturnAndLineFeedEndsALine() {
    Expr crlf = FalcoConditionParser.parse("a and\r\nb");
    assertThat(((And) crlf).children().get(1).position()).isEqualTo(new Position(3, 1, 7));
    Expr cr = FalcoConditionParser.parse("a and\rb");
    assertThat(((And) cr).children().get(1).position()).isEqualTo(new Position(2, 1, 6));
  }

  @Test
  void offsetsAndColumnsCountUtf16Units() {
    And and = (And) FalcoConditionParser.parse("a.b = \"😀\" and c.d exists");
    assertThat(and.children().get(1).position()).isEqualTo(new Position(1, 16, 15));
  }

  @Test
  void errorsInMultiLineInput() {
    ConditionSyntaxError error = Syntax.error("a and\n  b.c = 1 and\n  d.e in (x,)");
    assertThat(error)
        .isEqualTo(
            new ConditionSyntaxError(SyntaxMessages.EXPECTED_LIST_ITEM, new Position(3, 13, 32)));
    assertThat(error.toString()).isEqualTo("3:13: " + SyntaxMessages.EXPECTED_LIST_ITEM);
  }

  private static Value rhs(Check check) {
    return Objects.requireNonNull(check.rhs());
  }
}
