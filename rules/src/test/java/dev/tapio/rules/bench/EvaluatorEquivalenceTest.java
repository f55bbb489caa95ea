package dev.tapio.rules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import dev.tapio.rules.RuleLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two correlation evaluators are interchangeable: over the soak stream (every bundled
 * correlation completing, windows expiring, a key table overflowing) they raise the same
 * correlations, with the same events, in the same order, and end with the same keys, evictions and
 * expired windows.
 */
class EvaluatorEquivalenceTest {

  /** A completed correlation as alerts tell it: the correlation, its trigger, its steps' ids. */
  record Seen(String correlation, long time, List<String> steps) {}

  @Test
  void stateMachineAndDroolsStreamGiveTheSameCorrelations() {
    LoadReport report = RuleLoader.create().loadSources(BundledRules.sources());
    List<Seen> plain = new ArrayList<>();
    List<Seen> drools = new ArrayList<>();
    List<CompiledCorrelation.Stats> plainStats =
        run(report, CompiledCorrelation.Evaluator.STATE_MACHINE, plain);
    List<CompiledCorrelation.Stats> droolsStats =
        run(report, CompiledCorrelation.Evaluator.DROOLS_STREAM, drools);

    assertThat(plain).hasSizeGreaterThan(2_000);
    assertThat(drools).isEqualTo(plain);
    assertThat(droolsStats).isEqualTo(plainStats);
    assertThat(plainStats).anySatisfy(s -> assertThat(s.evicted()).isPositive());
    assertThat(plainStats).anySatisfy(s -> assertThat(s.expired()).isPositive());
  }

  private static List<CompiledCorrelation.Stats> run(
      LoadReport report, CompiledCorrelation.Evaluator evaluator, List<Seen> out) {
    CompiledRuleSet set =
        CompiledRuleSet.build(report.rules(), report.correlations(), report.matching(), evaluator);
    SoakStream stream = new SoakStream();
    try (MatchingSession session = new MatchingSession(set)) {
      for (int i = 0; i < 800_000; i++) { // 80 s of event time
        for (Match m : session.match(stream.next())) {
          Match.Correlated c = m.correlated();
          if (c != null) {
            out.add(
                new Seen(
                    m.rule().name(),
                    m.event().event().header().timeNanos(),
                    c.steps().stream().map(s -> s.name() + "=" + s.id()).toList()));
          }
        }
      }
      return session.correlationStats();
    }
  }
}
