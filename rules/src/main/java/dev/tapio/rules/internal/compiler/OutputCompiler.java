package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.FalcoConditionParser;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldExpressionMatch;
import dev.tapio.grammar.ParseResult;
import dev.tapio.grammar.Transformer;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles an output format: at each {@code %}, an optional width, then the longest field
 * expression that both parses and names a known field; the rest is literal text.
 */
public final class OutputCompiler {

  private final PredicateCompiler fields;

  public OutputCompiler(PredicateCompiler fields) {
    this.fields = fields;
  }

  public OutputFormat compile(String format) throws CompileError {
    List<OutputFormat.Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        i++;
        continue;
      }
      int start = i + 1;
      int j = start;
      while (j < format.length() && Character.isDigit(format.charAt(j))) {
        j++;
      }
      int width = j > start ? Integer.parseInt(format.substring(start, Math.min(j, start + 9))) : 0;
      if (j >= format.length()) {
        throw new CompileError(
            DiagnosticCode.LOAD_ERR_COMPILE_OUTPUT,
            Messages.format(Messages.OUTPUT_TRAILING_PERCENT, format.substring(i)),
            null,
            false);
      }
      Token token = token(format, j);
      if (!text.isEmpty()) {
        parts.add(new OutputFormat.Text(text.toString()));
        text.setLength(0);
      }
      parts.add(
          new OutputFormat.Token(
              token.name,
              width,
              token.expression instanceof Transformer,
              token.resolved.accessor()));
      i = token.end;
    }
    if (!text.isEmpty()) {
      parts.add(new OutputFormat.Text(text.toString()));
    }
    return new OutputFormat(format, parts);
  }

  private record Token(
      String name, FieldExpr expression, PredicateCompiler.Resolved resolved, int end) {}

  private Token token(String format, int start) throws CompileError {
    int end = format.length();
    ParseResult<FieldExpressionMatch> first =
        FalcoConditionParser.tryParseFieldExpression(format, start, end);
    if (first instanceof ParseResult.Success<FieldExpressionMatch> s) {
      for (int e = s.value().end(); e > start; e--) {
        ParseResult<FieldExpressionMatch> r =
            e == s.value().end()
                ? s
                : FalcoConditionParser.tryParseFieldExpression(format, start, e);
        if (r instanceof ParseResult.Success<FieldExpressionMatch> ok && ok.value().end() == e) {
          try {
            FieldExpr op = ok.value().expression();
            PredicateCompiler.Resolved res = fields.resolve(op, -1);
            return new Token(format.substring(start, e), op, res, e);
          } catch (CompileError x) {
            // try a shorter window
          }
        }
      }
    }
    int stop = start;
    while (stop < format.length() && !Character.isWhitespace(format.charAt(stop))) {
      stop++;
    }
    throw new CompileError(
        DiagnosticCode.LOAD_ERR_COMPILE_OUTPUT,
        Messages.format(Messages.OUTPUT_UNKNOWN_FIELD, format.substring(start, stop)),
        null,
        true);
  }
}
