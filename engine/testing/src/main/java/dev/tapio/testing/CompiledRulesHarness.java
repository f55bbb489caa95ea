package dev.tapio.testing;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import dev.tapio.rules.RuleLoader;
import dev.tapio.rules.RuleMatching;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rule files compiled exactly as the engine compiles them and matched as the engine matches them:
 * with {@code rule_matching: first} (Falco's default), an event raises the alert of the first rule
 * it matches in load order only, so a case passes here exactly when the engine would raise its
 * alerts. When an expected rule is silent because an earlier rule took the event, the explanation
 * says which.
 */
public final class CompiledRulesHarness implements RuleHarness, AutoCloseable {
  private final CompiledRuleSet rules;
  private final MatchingSession session;
  private final Set<String> names = new LinkedHashSet<>();

  /** The rule each recently evaluated event raised, by identity, for explanations. */
  private final Map<EnrichedEvent, String> raisedBy = new IdentityHashMap<>();

  private CompiledRulesHarness(CompiledRuleSet rules) {
    this.rules = rules;
    this.session = new MatchingSession(rules);
    rules.rules().forEach(r -> names.add(r.name()));
    rules.correlations().forEach(c -> names.add(c.name()));
  }

  /** Loads {@code files} in order; no files means the bundled rules. */
  public static CompiledRulesHarness load(List<Path> files) {
    RuleLoader loader = RuleLoader.create(RuleMatching.FIRST);
    LoadReport report =
        files.isEmpty() ? loader.loadSources(BundledRules.sources()) : loader.load(files);
    if (!report.successful()) {
      throw new CaseFormatException("the rules under test do not load:\n" + report.text(false));
    }
    return new CompiledRulesHarness(report.buildRuleSet());
  }

  @Override
  public List<Alert> evaluate(EnrichedEvent event) {
    List<Match> matches = session.match(event);
    if (raisedBy.size() > 100_000) {
      raisedBy.clear(); // explanations are asked for about the case just run
    }
    // the rule that took the event; a correlation it completed took nothing from the rules
    matches.stream()
        .filter(m -> m.correlated() == null)
        .findFirst()
        .ifPresent(m -> raisedBy.put(event, m.rule().name()));
    return matches.stream().map(Match::render).toList();
  }

  @Override
  public void reset() {
    session.reset();
  }

  @Override
  public List<String> explain(String rule, EnrichedEvent event) {
    Optional<CompiledCorrelation> correlation = rules.correlation(rule);
    if (correlation.isPresent()) {
      return correlation.get().explain(event);
    }
    CompiledRule r = rules.rule(rule).orElseThrow();
    if (!looksAt(r, event)) {
      return List.of(
          "evt.type is '"
              + event.type()
              + "': the rule only looks at "
              + r.eventTypes().stream().sorted().toList());
    }
    String raised = raisedBy.get(event);
    if (raised != null && !raised.equals(rule)) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "the event raised '"
              + raised
              + "', loaded before this rule: with rule_matching first (Falco's default, as the"
              + " engine runs) an event raises only the first matching rule's alert; load this"
              + " rule earlier or make the other one skip the event");
      lines.addAll(ConditionTrace.explain(r, event));
      return lines;
    }
    return ConditionTrace.explain(r, event);
  }

  @Override
  public List<String> explain(String rule, List<EnrichedEvent> events) {
    return rules.correlation(rule).map(c -> c.explain(events)).orElse(List.of());
  }

  /** Whether {@code rule} is loaded and looks at events of {@code event}'s type at all. */
  boolean looksAt(String rule, EnrichedEvent event) {
    return rules
        .rule(rule)
        .or(() -> rules.correlation(rule).map(CompiledCorrelation::rule))
        .map(r -> looksAt(r, event))
        .orElse(false);
  }

  private static boolean looksAt(CompiledRule rule, EnrichedEvent event) {
    return rule.anyEventType() || rule.eventTypes().contains(event.type());
  }

  @Override
  public Set<String> ruleNames() {
    return names;
  }

  @Override
  public boolean isEnabled(String rule) {
    return rules
        .rule(rule)
        .map(CompiledRule::enabled)
        .or(() -> rules.correlation(rule).map(CompiledCorrelation::enabled))
        .orElse(false);
  }

  @Override
  public void close() {
    session.close();
  }
}
