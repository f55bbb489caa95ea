package dev.tapio.grammar.internal;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops at the first syntax error, with the message the lexer attached to the offending token.
 *
 * <p>The lexer only produces tokens that fit where they stand, so the parser meets an error only at
 * an ERROR token, which already says what was expected. Anything else would be a disagreement
 * between the two grammars and is reported as such.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    Token offending = e.getOffendingToken();
    throw failure(offending != null ? offending : recognizer.getCurrentToken());
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    reportError(recognizer, e);
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    throw failure(recognizer.getCurrentToken());
  }

  @Override
  public void sync(Parser recognizer) {
    // Errors are found by the decision or match that follows.
  }

  private static SyntaxFailure failure(Token token) {
    if (token instanceof ConditionToken conditionToken) {
      SyntaxFailure failure = conditionToken.failure();
      if (failure != null) {
        return failure;
      }
    }
    throw new IllegalStateException(
        "lexer and parser grammars disagree at token '"
            + token.getText()
            + "' (type "
            + token.getType()
            + ", index "
            + token.getStartIndex()
            + ")");
  }
}
