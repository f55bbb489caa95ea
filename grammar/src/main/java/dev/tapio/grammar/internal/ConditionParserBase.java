package dev.tapio.grammar.internal;

import dev.tapio.grammar.SyntaxMessages;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.TokenStream;

/**
 * The hand-written half of the generated parser: libsinsp's recursion guard.
 *
 * <p>libsinsp counts one level per call of a guarded parsing function and refuses to go to {@code
 * maxDepth}. The grammar's rules call {@link #enter(int)} and {@link #leave(int)} with the number
 * of such functions each stands for, so the same inputs hit the limit, and an input of 100,000
 * {@code (} ends in a syntax error instead of a stack overflow.
 */
public abstract class ConditionParserBase extends Parser {

  private int depth;
  private int maxDepth = 1;

  protected ConditionParserBase(TokenStream input) {
    super(input);
  }

  public void setMaxDepth(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /** Enters {@code frames} guarded levels. */
  protected void enter(int frames) {
    depth += frames;
    if (depth >= maxDepth) {
      throw exceeded();
    }
  }

  /** Leaves levels entered by {@link #enter(int)}. */
  protected void leave(int frames) {
    depth -= frames;
  }

  /** Fails if {@code frames} more levels would reach the limit, without entering them. */
  protected void probe(int frames) {
    if (depth + frames >= maxDepth) {
      throw exceeded();
    }
  }

  private SyntaxFailure exceeded() {
    return new SyntaxFailure(
        SyntaxMessages.maxDepthExceeded(maxDepth), getCurrentToken().getStartIndex());
  }
}
