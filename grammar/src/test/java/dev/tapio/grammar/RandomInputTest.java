package dev.tapio.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random inputs assembled from the language's pieces: every one either parses, and then prints to
 * text with the same tree, or fails with a syntax error; nothing else ever escapes.
 */
class RandomInputTest {

  private static final List<String> PIECES =
      List.of(
          " ",
          " ",
          "\t",
          "\n",
          "\b",
          "\f",
          "(",
          ")",
          "((",
          "))",
          ",",
          "=",
          "[",
          "]",
          "'",
          "\"",
          "\\",
          "and",
          "or",
          "not",
          "not ",
          "and ",
          "or ",
          "and(",
          "not(",
          "a",
          "m1",
          "a.b",
          "proc.aname[2]",
          "evt.arg[",
          "x.y",
          "exists",
          "=",
          "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "contains ",
          "startswith",
          "glob ",
          "in",
          "in ",
          "intersects",
          "pmatch ",
          "oneof ",
          "anyof",
          "allof ",
          "(a, b)",
          "()",
          "val(",
          "tolower(",
          "b64(",
          "join(",
          "concat(",
          "getopt(",
          "len(",
          "1",
          "-0.5e+3",
          "0x1F",
          "\"q s\"",
          "'q'",
          "\"\\x41\"",
          "\"\\q\"",
          "bare/str*",
          "é",
          "😀");

  @Test
  void everyInputParsesOrFailsWithASyntaxError() {
    Random random = new Random(20_260_731L);
    int parsed = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder input = new StringBuilder();
      int pieces = 1 + random.nextInt(12);
      for (int p = 0; p < pieces; p++) {
        input.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String text = input.toString();
      ParseResult<Expr> result = FalcoConditionParser.tryParse(text);
      if (result instanceof ParseResult.Success<Expr>(Expr expr)) {
        parsed++;
        String printed = ConditionPrinter.print(expr);
        assertThat(ConditionPrinter.print(FalcoConditionParser.parse(printed)))
            .as("reprint of %s", Syntax.quoted(text))
            .isEqualTo(printed);
      } else if (result instanceof ParseResult.Failure<Expr>(ConditionSyntaxError error)) {
        assertThat(error.position().offset()).isBetween(0, text.length());
      }
    }
    assertThat(parsed).isGreaterThan(500);
  }
}
