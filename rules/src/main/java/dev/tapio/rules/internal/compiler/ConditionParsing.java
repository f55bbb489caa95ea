package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.ConditionSyntaxError;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FalcoConditionParser;
import dev.tapio.grammar.ParseResult;
import dev.tapio.grammar.ParserOptions;
import dev.tapio.rules.internal.condition.Origin;
import dev.tapio.rules.internal.condition.Origins;

/**
 * Parses condition text with the grammar. The grammar's tree is what every later pass works on;
 * parsing only records which text its nodes came from.
 */
final class ConditionParsing {

  private ConditionParsing() {}

  /** A parse outcome: the tree, or the syntax error at an offset of the text. */
  sealed interface Parsed {
    record Ok(Expr expr) implements Parsed {}

    record Failed(String message, int offset) implements Parsed {}
  }

  static Parsed parse(String text, Origin origin, Origins origins) {
    ParseResult<Expr> r;
    try {
      r = FalcoConditionParser.tryParse(text, ParserOptions.defaults());
    } catch (IllegalArgumentException e) {
      // the parser reports some escape problems by exception, without a position
      return new Parsed.Failed(String.valueOf(e.getMessage()), 0);
    }
    return switch (r) {
      case ParseResult.Success<Expr> s -> {
        origins.register(s.value(), origin);
        yield new Parsed.Ok(s.value());
      }
      case ParseResult.Failure<Expr> f -> {
        ConditionSyntaxError e = f.error();
        yield new Parsed.Failed(e.message(), e.position().offset());
      }
    };
  }
}
