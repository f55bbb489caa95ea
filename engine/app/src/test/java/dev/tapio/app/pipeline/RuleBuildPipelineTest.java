package dev.tapio.app.pipeline;

import static dev.tapio.app.reload.RuleFixtures.options;
import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.app.reload.RuleBuild;
import dev.tapio.app.reload.RuleInputs;
import dev.tapio.app.reload.RuleShapeCache;
import dev.tapio.rules.Match;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events handed to the pipeline while the rule base is still building wait in its queue and are
 * matched once it is built, and a start from the rule cache raises the same alerts as one without.
 */
class RuleBuildPipelineTest {
  @TempDir Path dir;

  @Test
  void eventsBeforeTheRuleBaseWaitAndAWarmCacheRaisesTheSameAlerts() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Reads x", "/tmp/x"));
    RuleInputs inputs = RuleInputs.of(options(List.of(file), "rules.watch=false"));
    RuleShapeCache cache = RuleShapeCache.in(dir.resolve("cache"));

    RuleBuild cold = RuleBuild.start(inputs, cache);
    List<String> coldAlerts = run(cold);
    cold.verify(cold.shape());
    RuleBuild warm = RuleBuild.start(inputs, cache);
    assertThat(warm.cacheHit()).isTrue();
    List<String> warmAlerts = run(warm);

    assertThat(coldAlerts).hasSize(500).isEqualTo(warmAlerts);
  }

  /** Feeds 1,000 opens as soon as the build starts; the alerts as rule name and event time. */
  private static List<String> run(RuleBuild build) throws InterruptedException {
    List<Match> matched = Collections.synchronizedList(new ArrayList<>());
    Pipeline pipeline =
        new Pipeline(
                PipelineTest.ENRICH,
                e -> build.live().matcher().match(e),
                matched::add,
                e -> {},
                65_536,
                java.time.Duration.ZERO)
            .start();
    for (int i = 1; i <= 1000; i++) {
      pipeline.accept(PipelineTest.open(i, i % 2 == 0 ? "/tmp/x" : "/tmp/y"));
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (pipeline.stats().processed() < 1000 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    pipeline.close();
    build.live().matcher().close();
    PipelineStats stats = pipeline.stats();
    assertThat(stats.received()).isEqualTo(1000);
    assertThat(stats.droppedQueueFull()).isZero();
    assertThat(stats.failed()).isZero();
    assertThat(stats.processed()).isEqualTo(1000);
    return matched.stream()
        .map(m -> m.rule().name() + "@" + m.event().event().header().timeNanos())
        .toList();
  }
}
