package dev.tapio.grammar.internal;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;
import org.jspecify.annotations.Nullable;

/**
 * A token that may carry the syntax error it stands for. The lexer does not throw: it emits the
 * error as a token, and the parser raises it when it reaches that token, so errors surface in
 * source order even though the lexer reads one token ahead.
 */
final class ConditionToken extends CommonToken {

  private static final long serialVersionUID = 1L;

  private @Nullable SyntaxFailure failure;

  ConditionToken(Pair<TokenSource, CharStream> source, int type, int start, int stop) {
    super(source, type, DEFAULT_CHANNEL, start, stop);
  }

  @Nullable SyntaxFailure failure() {
    return failure;
  }

  void fail(String message, int index) {
    this.failure = new SyntaxFailure(message, index);
  }
}
