package dev.tapio.grammar.internal;

import dev.tapio.grammar.ConditionSyntaxError;
import dev.tapio.grammar.ConditionSyntaxException;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldExpressionMatch;
import dev.tapio.grammar.ParserOptions;
import dev.tapio.grammar.Position;
import dev.tapio.grammar.SyntaxMessages;
import dev.tapio.grammar.internal.antlr.FalcoCondition;
import dev.tapio.grammar.internal.antlr.FalcoConditionLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Runs the generated lexer and parser over a text and builds the syntax tree. */
public final class ConditionParsing {

  private ConditionParsing() {}

  /**
   * Parses a whole condition.
   *
   * @throws ConditionSyntaxException if the text is not a condition
   */
  public static Expr condition(String text, ParserOptions options) {
    if (text.isEmpty()) {
      throw new ConditionSyntaxException(
          new ConditionSyntaxError(SyntaxMessages.EMPTY_INPUT, Position.START));
    }
    SourceText source = new SourceText(text, 0, text.length());
    FalcoConditionLexer lexer = lexer(source);
    FalcoCondition parser = parser(lexer, options);
    try {
      return new AstBuilder(source).condition(parser.condition());
    } catch (SyntaxFailure failure) {
      throw located(failure, source);
    }
  }

  /**
   * Reads the field or transformer that starts at {@code start}, looking no further than {@code
   * end}.
   *
   * @throws ConditionSyntaxException if no field expression starts there
   */
  public static FieldExpressionMatch fieldExpression(
      String text, int start, int end, ParserOptions options) {
    if (start < 0 || end > text.length() || start > end) {
      throw new IndexOutOfBoundsException(
          "region [" + start + ", " + end + ") of a text of length " + text.length());
    }
    SourceText source = new SourceText(text, start, end);
    FalcoConditionLexer lexer = lexer(source);
    lexer.startFieldExpression();
    FalcoCondition parser = parser(lexer, options);
    try {
      FalcoCondition.FieldExpressionContext tree = parser.fieldExpression();
      FieldExpr expression = new AstBuilder(source).fieldExpression(tree);
      return new FieldExpressionMatch(expression, source.offset(tree.getStop().getStartIndex()));
    } catch (SyntaxFailure failure) {
      throw located(failure, source);
    }
  }

  private static FalcoConditionLexer lexer(SourceText source) {
    FalcoConditionLexer lexer = new FalcoConditionLexer(CharStreams.fromString(source.region()));
    lexer.removeErrorListeners();
    return lexer;
  }

  private static FalcoCondition parser(FalcoConditionLexer lexer, ParserOptions options) {
    FalcoCondition parser = new FalcoCondition(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.setErrorHandler(new FailFastErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setMaxDepth(options.maxDepth());
    return parser;
  }

  private static ConditionSyntaxException located(SyntaxFailure failure, SourceText source) {
    String message = String.valueOf(failure.getMessage());
    return new ConditionSyntaxException(
        new ConditionSyntaxError(message, source.position(failure.index())));
  }
}
