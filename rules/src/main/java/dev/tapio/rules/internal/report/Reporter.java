package dev.tapio.rules.internal.report;

import dev.tapio.rules.diagnostics.Diagnostic;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.Location;
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
 * its innermost location. While the whole collection compiles ({@link #attributeByContext}), a
 * diagnostic belongs to the latest loaded file its context names: the file that defined or last
 * changed the item it is about.
 */
public final class Reporter {

  private final Map<String, SourceText> sources = new HashMap<>();
  private final Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
  private String currentFile = "";
  private List<String> loadOrder = List.of();
  private Map<String, String> changedIn = Map.of();

  public void addSource(SourceText source) {
    sources.put(source.name(), source);
  }

  /** Diagnostics from now on belong to {@code file}. */
  public void startFile(String file) {
    currentFile = file;
    byFile.computeIfAbsent(file, f -> new ArrayList<>());
  }

  /**
   * Diagnostics from now on belong to the latest of {@code files} their context names, directly or
   * as the file that last changed an item it names ({@code changedIn}, by {@code "type name"}); the
   * current file when it names none of them.
   */
  public void attributeByContext(List<String> files, Map<String, String> changedIn) {
    this.loadOrder = List.copyOf(files);
    this.changedIn = Map.copyOf(changedIn);
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
    byFile.computeIfAbsent(fileOf(context), f -> new ArrayList<>()).add(d);
  }

  private String fileOf(Context context) {
    int latest = -1;
    for (Location l : context.locations()) {
      latest = Math.max(latest, loadOrder.indexOf(l.position().name()));
      String changed = changedIn.get(l.itemType() + " " + l.itemName());
      if (changed != null) {
        latest = Math.max(latest, loadOrder.indexOf(changed));
      }
    }
    return latest < 0 ? currentFile : loadOrder.get(latest);
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
