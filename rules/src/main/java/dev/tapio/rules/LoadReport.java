package dev.tapio.rules;

import dev.tapio.rules.diagnostics.FileResult;
import dev.tapio.rules.diagnostics.LoadReports;
import java.util.List;

/**
 * The outcome of loading rule files: one result per file (in load order) and the rules and
 * correlations compiled from all of them together.
 */
public record LoadReport(
    List<FileResult> files,
    List<CompiledRule> rules,
    List<CompiledCorrelation> correlations,
    RuleMatching matching) {

  public LoadReport {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    correlations = List.copyOf(correlations);
  }

  /** A report of rules only. */
  public LoadReport(List<FileResult> files, List<CompiledRule> rules, RuleMatching matching) {
    this(files, rules, List.of(), matching);
  }

  /** The same report with {@code selected} as its rules (the correlations kept). */
  public LoadReport withRules(List<CompiledRule> selected) {
    return new LoadReport(files, selected, correlations, matching);
  }

  public boolean successful() {
    return files.stream().allMatch(FileResult::successful);
  }

  /** 1 when any file is invalid, else 0 ({@code tapio rules validate}). */
  public int exitStatus() {
    return successful() ? 0 : 1;
  }

  /** {@code falco --validate} text; warnings included when {@code withWarnings}. */
  public String text(boolean withWarnings) {
    return LoadReports.text(files, withWarnings);
  }

  /** {@code {"falco_load_results": [...]}}. */
  public String json() {
    return LoadReports.jsonText(files);
  }

  /**
   * The kernel filter of these rules and correlation steps, as the rule set built from them
   * installs it, without building the rule base.
   */
  public dev.tapio.api.filter.KernelFilter kernelFilter() {
    return CompiledRuleSet.kernelFilter(rules, correlations);
  }

  /** Builds the Drools rule base (seconds; keep it off the hot path). */
  public CompiledRuleSet buildRuleSet() {
    if (!successful()) {
      throw new IllegalStateException("rule files are invalid:\n" + text(false));
    }
    return CompiledRuleSet.build(rules, correlations, matching);
  }
}
