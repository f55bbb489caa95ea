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
    return report.buildRuleSet();
  }

  /** The rule files do not load; the message is the full validation report. */
  public static final class InvalidRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidRulesException(String report) {
      super("the rule files are invalid:\n" + report.strip());
    }
  }
}
