package dev.tapio.rules.diagnostics;

import java.util.List;

/**
 * One error or warning of a load.
 *
 * @param code what kind of problem
 * @param message the problem in words; messages come from {@link Messages}
 * @param context where it happened, outermost first (the file, then the item, then the place in the
 *     item)
 * @param snippet the source line with a caret under the position, or empty
 */
public record Diagnostic(
    DiagnosticCode code, String message, List<Location> context, String snippet) {

  public Diagnostic {
    context = List.copyOf(context);
  }

  public boolean isError() {
    return code.isError();
  }

  /** The innermost location, or null when the diagnostic has none. */
  public @org.jspecify.annotations.Nullable SourcePosition position() {
    return context.isEmpty() ? null : context.getLast().position();
  }

  /** {@code file:line:col: error: CODE: message}, one line, for logs. */
  public String oneLine() {
    SourcePosition p = position();
    String where = p == null ? "" : p + ": ";
    return where + (isError() ? "error: " : "warning: ") + code + ": " + message;
  }
}
