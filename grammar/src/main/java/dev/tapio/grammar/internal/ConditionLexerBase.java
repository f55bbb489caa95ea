package dev.tapio.grammar.internal;

import static dev.tapio.grammar.internal.antlr.FalcoConditionLexer.*;

import dev.tapio.grammar.SyntaxMessages;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The hand-written half of {@code FalcoConditionLexer}: the predicates its rules call, the decoding
 * of quoted strings, and the turning of ERROR tokens into located messages.
 *
 * <p>The message of an error depends on the mode the lexer was in, which says what was expected
 * there, the way libsinsp's message depends on the parsing function that failed.
 */
public abstract class ConditionLexerBase extends Lexer {

  /** The text of the last token read, as libsinsp quotes it in "unexpected token after". */
  private String lastToken = "";

  private boolean endChecked;

  protected ConditionLexerBase(CharStream input) {
    super(input);
  }

  /** Starts in the mode that reads a lone field or transformer instead of a condition. */
  public void startFieldExpression() {
    mode(FIELD_EXPRESSION);
  }

  @Override
  public Token nextToken() {
    if (_mode == DONE) {
      return endOfInput();
    }
    Token token = super.nextToken();
    if (token.getType() == Token.EOF && !endChecked) {
      endChecked = true;
      if (_mode != AFTER_CHECK || !_modeStack.isEmpty()) {
        ConditionToken error = token(ERROR, _input.index(), _input.index() - 1);
        error.fail(expectedHere(), _input.index());
        return error;
      }
    }
    return token;
  }

  @Override
  public Token emit() {
    ConditionToken token = token(_type, _tokenStartCharIndex, getCharIndex() - 1);
    String text = token.getText();
    switch (_type) {
      case ERROR -> token.fail(expectedHere(), _tokenStartCharIndex);
      case AND_WITHOUT_BLANK -> token.fail(SyntaxMessages.EXPECTED_BLANK_AFTER_AND, getCharIndex());
      case OR_WITHOUT_BLANK -> token.fail(SyntaxMessages.EXPECTED_BLANK_AFTER_OR, getCharIndex());
      case QUOTED -> {
        try {
          lastToken = Escapes.decode(text);
        } catch (IllegalArgumentException e) {
          token.setType(ERROR);
          token.fail(String.valueOf(e.getMessage()), getCharIndex());
        }
      }
      default -> lastToken = text;
    }
    emit(token);
    return token;
  }

  /**
   * The first item of a list literal is a quoted string. libsinsp reads that item inside a try
   * block, so a bad escape there does not fail: the item is dropped and the list must close.
   */
  protected void firstListItemQuoted(int nextMode, int closeOnlyMode) {
    setType(QUOTED);
    if (isDecodable(getText())) {
      mode(nextMode);
    } else {
      skip();
      mode(closeOnlyMode);
    }
  }

  /** A blank (space, tab, backspace, CR, LF) follows the text matched so far. */
  protected boolean blankFollows() {
    return isBlank(_input.LA(1));
  }

  /** A {@code )} here closes a group rather than ending the condition early. */
  protected boolean insideGroup() {
    return !_modeStack.isEmpty();
  }

  /**
   * The word just matched ({@code oneof}, {@code anyof} or {@code allof}) is a modifier, not a
   * string value: a blank stands before and after it, then a {@code (} or an identifier that is not
   * {@code and}, {@code or} or {@code not}.
   */
  protected boolean modifierApplies() {
    if (_tokenStartCharIndex == 0 || !isBlank(charAt(_tokenStartCharIndex - 1))) {
      return false;
    }
    int i = _input.index();
    if (!isBlank(charAt(i))) {
      return false;
    }
    while (isBlank(charAt(i))) {
      i++;
    }
    int next = charAt(i);
    if (next == '(') {
      return true;
    }
    return isAsciiLetter(next) && !keywordAt(i);
  }

  private boolean keywordAt(int index) {
    for (String keyword : new String[] {"and", "or", "not"}) {
      if (textAt(index, keyword.length()).equals(keyword)
          && !isAsciiLetterOrDigit(charAt(index + keyword.length()))) {
        return true;
      }
    }
    return false;
  }

  private String expectedHere() {
    return switch (_mode) {
      case DEFAULT_MODE -> SyntaxMessages.EXPECTED_CHECK;
      case AFTER_CHECK ->
          _modeStack.isEmpty()
              ? SyntaxMessages.unexpectedTokenAfter(lastToken)
              : SyntaxMessages.EXPECTED_CLOSING_PAREN;
      case OPERATOR -> SyntaxMessages.EXPECTED_OPERATOR;
      case NUM_VALUE -> SyntaxMessages.EXPECTED_NUMBER;
      case STR_VALUE -> SyntaxMessages.EXPECTED_STRING;
      case MODIFIER_LIST -> SyntaxMessages.EXPECTED_LIST_OR_IDENTIFIER;
      case LIST_VALUE -> SyntaxMessages.EXPECTED_LIST;
      case LIST_FIRST, LIST_NEXT, LIST_CLOSE_ONLY -> SyntaxMessages.EXPECTED_CLOSING_PAREN;
      case LIST_ITEM -> SyntaxMessages.EXPECTED_LIST_ITEM;
      case VAL_FIELD -> SyntaxMessages.EXPECTED_VAL_FIELD;
      case VAL_CLOSE, TRANSFORMER_NEXT -> SyntaxMessages.EXPECTED_TRANSFORMER_CLOSE;
      case TRANSFORMER_ARGS -> SyntaxMessages.EXPECTED_TRANSFORMER_ARGUMENT;
      case TLIST_FIRST, TLIST_ITEM -> SyntaxMessages.EXPECTED_TRANSFORMER_LIST_ARGUMENT;
      case TLIST_NEXT -> SyntaxMessages.EXPECTED_TRANSFORMER_LIST_CLOSE;
      case FIELD_ARG -> SyntaxMessages.EXPECTED_FIELD_ARGUMENT;
      case FIELD_ARG_END -> SyntaxMessages.EXPECTED_CLOSING_BRACKET;
      case FIELD_EXPRESSION -> SyntaxMessages.EXPECTED_FIELD_EXPRESSION;
      default -> throw new IllegalStateException("no syntax error expected in lexer mode " + _mode);
    };
  }

  private Token endOfInput() {
    int index = _input.index();
    return token(Token.EOF, index, index - 1);
  }

  private ConditionToken token(int type, int start, int stop) {
    ConditionToken token = new ConditionToken(_tokenFactorySourcePair, type, start, stop);
    token.setLine(_tokenStartLine);
    token.setCharPositionInLine(_tokenStartCharPositionInLine);
    return token;
  }

  private int charAt(int index) {
    if (index >= _input.size()) {
      return -1;
    }
    return _input.getText(Interval.of(index, index)).codePointAt(0);
  }

  private String textAt(int index, int length) {
    int end = Math.min(index + length, _input.size()) - 1;
    return end < index ? "" : _input.getText(Interval.of(index, end));
  }

  private static boolean isDecodable(String quoted) {
    try {
      Escapes.decode(quoted);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }
}
