package dev.tapio.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recursion guard: the nesting libsinsp accepts is accepted, deeper nesting is a syntax error
 * and never a stack overflow. libsinsp counts five levels per parenthesis (or, and, not, check, and
 * the parenthesized rest), four per {@code not(}, and a few more inside a check.
 */
class DepthTest {

  private static final ParserOptions LIBSINSP = new ParserOptions(100);

  private static String nested(String open, int levels, String inner) {
    return open.repeat(levels) + inner + ")".repeat(levels);
  }

  @Test
  void aHundredThousandOpeningParenthesesAreASyntaxError() {
    String input = "(".repeat(100_000);
    assertThat(Syntax.error(input).message()).isEqualTo("exceeded max depth limit of 1000");
    assertThat(Syntax.error(input, LIBSINSP).message())
        .isEqualTo(SyntaxMessages.maxDepthExceeded(100));
    assertThat(Syntax.error(nested("(", 100_000, "a")).message())
        .isEqualTo(SyntaxMessages.maxDepthExceeded(1000));
  }

  @ParameterizedTest(name = "max depth {0}: {2} levels of ''{1}'' around ''{3}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "100  | ( | 19  | a",
        "100  | ( | 18  | a.b exists",
        "100  | ( | 18  | a.b = c",
        "100  | ( | 18  | a.b in (c)",
        "100  | ( | 18  | a.b = val(c.d)",
        "100  | not( | 23 | a",
        "1000 | ( | 199 | a",
        "1000 | ( | 198 | a.b = c",
        "1000 | not( | 248 | a"
      })
  void acceptsNestingUpToTheLimitAndNoFurther(
      int maxDepth, String open, int deepest, String inner) {
    ParserOptions options = new ParserOptions(maxDepth);
    assertThat(FalcoConditionParser.tryParse(nested(open, deepest, inner), options))
        .isInstanceOf(ParseResult.Success.class);
    assertThat(Syntax.error(nested(open, deepest + 1, inner), options).message())
        .isEqualTo(SyntaxMessages.maxDepthExceeded(maxDepth));
  }

  @Test
  void theDepthErrorComesBeforeLaterSyntaxErrors() {
    assertThat(Syntax.error(nested("(", 20, "a.b = ,"), LIBSINSP).message())
        .isEqualTo(SyntaxMessages.maxDepthExceeded(100));
    assertThat(Syntax.error(nested("(", 5, "a.b = ,"), LIBSINSP).message())
        .isEqualTo(SyntaxMessages.EXPECTED_STRING);
  }

  @Test
  void longRunsOfNotAndLongChainsDoNotNest() {
    assertThat(FalcoConditionParser.parse("not ".repeat(100_000) + "a"))
        .isEqualTo(new MacroRef("a", new Position(1, 400_001, 400_000)));
    Expr chain = FalcoConditionParser.parse("a and ".repeat(10_000) + "a", LIBSINSP);
    assertThat(((And) chain).children()).hasSize(10_001);
  }

  @Test
  void theDeepestSupportedLimitFitsInADefaultThreadStack() throws InterruptedException {
    ParserOptions deepest = new ParserOptions(ParserOptions.MAX_SUPPORTED_DEPTH);
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                Expr deep = FalcoConditionParser.parse(nested("(", 398, "a.b = c"), deepest);
                outcome.set(ConditionPrinter.print(deep));
                Syntax.error("(".repeat(100_000), deepest);
              } catch (Throwable t) {
                outcome.set(t);
              }
            },
            "small-stack",
            1024 * 1024);
    thread.start();
    thread.join();
    assertThat(outcome.get()).isEqualTo("a.b = c");
  }

  @Test
  void optionsRefuseLimitsOutsideTheSupportedRange() {
    assertThat(ParserOptions.defaults().maxDepth()).isEqualTo(ParserOptions.RULE_LOADER_MAX_DEPTH);
    assertThatThrownBy(() -> new ParserOptions(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParserOptions.defaults().withMaxDepth(2_001))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
