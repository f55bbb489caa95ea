package dev.tapio.app;

import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads rule files (or the bundled rules) and builds the rule base, or explains why not. */
public final class RuleSets {
  private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

  private RuleSets() {}

  /** {@code files}, or the bundled rules when there are none. */
  public static CompiledRuleSet load(List<Path> files) {
    return load(files, files.isEmpty(), RuleSelection.NONE);
  }

  /**
   * Loads the bundled rules (when {@code bundled}) and then {@code files}, in order, so a file can
   * append to or override a bundled rule, list or macro; then turns rules off and on as {@code
   * selection} says.
   */
  public static CompiledRuleSet load(List<Path> files, boolean bundled, RuleSelection selection) {
    return report(files, bundled, selection).buildRuleSet();
  }

  /**
   * As {@link #load}, without building the rule base: the loaded rules with the selection applied,
   * for a caller that builds it from some of them (shadow rules).
   */
  public static LoadReport report(List<Path> files, boolean bundled, RuleSelection selection) {
    RuleLoader loader = RuleLoader.create();
    LoadReport report = bundled ? loader.loadSources(withBundled(files)) : loader.load(files);
    if (!report.successful()) {
      throw new InvalidRulesException(report.text(false));
    }
    String warnings = report.text(true);
    if (warnings.contains("with warnings")) {
      log.warn("rule warnings:\n{}", warnings.strip());
    }
    selection.unmatched(report.rules()).forEach(line -> log.warn("rule selection: {}", line));
    return report.withRules(selection.apply(report.rules()));
  }

  private static List<RuleLoader.Source> withBundled(List<Path> files) {
    List<RuleLoader.Source> sources = new ArrayList<>(BundledRules.sources());
    for (Path file : files) {
      try {
        sources.add(new RuleLoader.Source(file.toString(), Files.readString(file)));
      } catch (IOException | UncheckedIOException e) {
        throw new InvalidRulesException(file + ": cannot read the rule file: " + e.getMessage());
      }
    }
    return sources;
  }

  /** The rule files do not load; the message is the full validation report. */
  public static final class InvalidRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidRulesException(String report) {
      super("the rule files are invalid:\n" + report.strip());
    }
  }
}
