package dev.tapio.rules.diagnostics;

import java.util.List;

/**
 * The outcome of loading one rules file.
 *
 * @param name the file name as given
 * @param diagnostics its errors and warnings, in the order found
 */
public record FileResult(String name, List<Diagnostic> diagnostics) {

  /** Falco's three verdicts for a file. */
  public enum Status {
    OK("Ok"),
    OK_WITH_WARNINGS("Ok, with warnings"),
    INVALID("Invalid");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public FileResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  public boolean successful() {
    return errors().isEmpty();
  }

  public Status status() {
    if (!successful()) {
      return Status.INVALID;
    }
    return diagnostics.isEmpty() ? Status.OK : Status.OK_WITH_WARNINGS;
  }
}
