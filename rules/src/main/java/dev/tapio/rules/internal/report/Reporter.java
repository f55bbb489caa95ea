package dev.tapio.rules.internal.report;

import dev.tapio.rules.diagnostics.Diagnostic;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.diagnostics.SourcePosition;
import dev.tapio.rules.diagnostics.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics for the file being loaded. A diagnostic's snippet is cut from the source of
 * its innermost location.
 */
public final class Reporter {

  private final Map<String, SourceText> sources = new HashMap<>();
  private final Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
  private String currentFile = "";

  public void addSource(SourceText source) {
    sources.put(source.name(), source);
  }

  /** Diagnostics from now on belong to {@code file}. */
  public void startFile(String file) {
    currentFile = file;
    byFile.computeIfAbsent(file, f -> new ArrayList<>());
  }

  public String currentFile() {
    return currentFile;
  }

  public void error(DiagnosticCode code, Context context, String template, Object... args) {
    report(code, context, template, args);
  }

  public void warn(DiagnosticCode code, Context context, String template, Object... args) {
    report(code, context, template, args);
  }

  private void report(DiagnosticCode code, Context context, String template, Object... args) {
    String message = args.length == 0 ? template : Messages.format(template, args);
    String snippet = "";
    if (!context.locations().isEmpty()) {
      SourcePosition p = context.locations().getLast().position();
      SourceText text = sources.get(p.name());
      if (text != null) {
        snippet = text.snippet(p);
      }
    }
    Diagnostic d = new Diagnostic(code, message, context.locations(), snippet);
    byFile.computeIfAbsent(currentFile, f -> new ArrayList<>()).add(d);
  }

  public boolean hasErrors(String file) {
    return byFile.getOrDefault(file, List.of()).stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) byFile.values().stream().flatMap(List::stream).filter(Diagnostic::isError).count();
  }

  public Map<String, List<Diagnostic>> byFile() {
    return byFile;
  }
}
