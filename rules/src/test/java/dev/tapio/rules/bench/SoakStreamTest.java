package dev.tapio.rules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import dev.tapio.rules.RuleLoader;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The soak benchmark's stream does what the soak claims to measure: every bundled correlation
 * completes, windows expire, and the key table of the written-then-run correlation stays at its
 * bound while the evictions beyond it are counted.
 */
class SoakStreamTest {

  @Test
  void everyCorrelationFiresAndStateStaysBounded() {
    CompiledRuleSet set = RuleLoader.create().loadSources(BundledRules.sources()).buildRuleSet();
    SoakStream stream = new SoakStream();
    Map<String, Integer> fired = new TreeMap<>();
    try (MatchingSession session = new MatchingSession(set)) {
      for (int i = 0; i < 1_000_000; i++) { // 100 s of event time
        for (Match m : session.match(stream.next())) {
          if (m.correlated() != null) {
            fired.merge(m.rule().name(), 1, Integer::sum);
          }
        }
      }
      assertThat(fired.keySet())
          .containsExactlyInAnyOrderElementsOf(
              set.correlations().stream().map(CompiledCorrelation::name).toList());
      Map<String, CompiledCorrelation.Stats> stats =
          session.correlationStats().stream()
              .collect(Collectors.toMap(CompiledCorrelation.Stats::correlation, s -> s));
      assertThat(stats.values()).allSatisfy(s -> assertThat(s.keys()).isLessThanOrEqualTo(10_000));
      CompiledCorrelation.Stats dropped = stats.get("New binary written then run in a container");
      assertThat(dropped.keys()).isBetween(9_000, CompiledCorrelation.DEFAULT_MAX_KEYS);
      assertThat(dropped.evicted()).isGreaterThan(10_000);
      assertThat(stats.get("Interactive shell then network tool in a container").expired())
          .as("%s %s", stats, fired)
          .isPositive();
    }
    // 2 of the 5 tools per 1,000 events follow a shell in its container
    assertThat(fired.get("Interactive shell then network tool in a container"))
        .isGreaterThanOrEqualTo(2_000);
  }
}
