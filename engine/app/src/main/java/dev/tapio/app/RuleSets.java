package dev.tapio.app;

import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads rule files (or the bundled rules) and builds the rule base, or explains why not. */
public final class RuleSets {
  private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

  private RuleSets() {}

  public static CompiledRuleSet load(List<Path> files) {
    return load(files, RuleSelection.NONE);
  }

  /** Loads the rules and turns them off and on as {@code selection} says. */
  public static CompiledRuleSet load(List<Path> files, RuleSelection selection) {
    RuleLoader loader = RuleLoader.create();
    LoadReport report =
        files.isEmpty() ? loader.loadSources(BundledRules.sources()) : loader.load(files);
    if (!report.successful()) {
      throw new InvalidRulesException(report.text(false));
    }
    String warnings = report.text(true);
    if (warnings.contains("with warnings")) {
      log.warn("rule warnings:\n{}", warnings.strip());
    }
    selection.unmatched(report.rules()).forEach(line -> log.warn("rule selection: {}", line));
    return report.withRules(selection.apply(report.rules())).buildRuleSet();
  }

  /** The rule files do not load; the message is the full validation report. */
  public static final class InvalidRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidRulesException(String report) {
      super("the rule files are invalid:\n" + report.strip());
    }
  }
}
