package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.internal.condition.Pos;
import org.jspecify.annotations.Nullable;

/** Stops compiling one item: the message, and where. */
public final class CompileError extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient @Nullable Pos pos;
  private final DiagnosticCode code;
  private final boolean unknownFilter;

  public CompileError(
      DiagnosticCode code, String message, @Nullable Pos pos, boolean unknownFilter) {
    super(message, null, false, false);
    this.code = code;
    this.pos = pos;
    this.unknownFilter = unknownFilter;
  }

  public CompileError(String message, @Nullable Pos pos) {
    this(DiagnosticCode.LOAD_ERR_COMPILE_CONDITION, message, pos, false);
  }

  public @Nullable Pos pos() {
    return pos;
  }

  public DiagnosticCode code() {
    return code;
  }

  /** Whether the error is an unknown field or event type ({@code skip-if-unknown-filter}). */
  public boolean unknownFilter() {
    return unknownFilter;
  }
}
