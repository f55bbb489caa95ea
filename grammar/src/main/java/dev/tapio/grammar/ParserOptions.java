package dev.tapio.grammar;

/**
 * Settings of {@link FalcoConditionParser}.
 *
 * @param maxDepth how deeply the parser may recurse, counted as libsinsp counts it (each level of
 *     parentheses costs about five); at most {@link #MAX_SUPPORTED_DEPTH}
 */
public record ParserOptions(int maxDepth) {

  /** The depth limit of Falco's rule loader. */
  public static final int RULE_LOADER_MAX_DEPTH = 1000;

  /** The depth limit of libsinsp's filter parser when nobody changes it. */
  public static final int LIBSINSP_DEFAULT_MAX_DEPTH = 100;

  /**
   * The deepest limit accepted: about 400 levels of parentheses, which a thread with the JVM's
   * default 1 MB stack parses with room to spare.
   */
  public static final int MAX_SUPPORTED_DEPTH = 2_000;

  private static final ParserOptions DEFAULTS = new ParserOptions(RULE_LOADER_MAX_DEPTH);

  public ParserOptions {
    if (maxDepth < 1 || maxDepth > MAX_SUPPORTED_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth must be between 1 and " + MAX_SUPPORTED_DEPTH + ", not " + maxDepth);
    }
  }

  /** The rule loader's settings: {@link #RULE_LOADER_MAX_DEPTH}. */
  public static ParserOptions defaults() {
    return DEFAULTS;
  }

  public ParserOptions withMaxDepth(int newMaxDepth) {
    return new ParserOptions(newMaxDepth);
  }
}
