package dev.tapio.rules.bench;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.MatchingSession;
import dev.tapio.rules.RuleLoader;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A soak of the matching session with Tapio's bundled rules and correlations: an endless stream of
 * synthetic events ({@link SoakStream}) that keeps every correlation's windows opening, completing,
 * expiring and its key table overflowing, through one long-lived {@link MatchingSession}, as {@code
 * tapio run} matches. Each measured iteration prints the events so far, the heap in use after a
 * full GC and each correlation's keys, evictions and expired windows: the heap stays flat while the
 * counters grow. Long iterations and a small heap make it a soak:
 *
 * <pre>
 * ./bench rules CorrelationSoak -jvmArgs -Xmx256m -wi 2 -w 10s -i 10 -r 10s
 * </pre>
 *
 * {@code correlations=all} is the bundled rules with their correlations (the default evaluator, a
 * state machine per correlation), {@code correlations=drools} the same evaluated by Drools
 * stream-mode rules, {@code correlations=none} the same rules without the correlations; {@code
 * generateOnly} is what making the events costs on its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 10, time = 10)
public class CorrelationSoakBenchmark {

  static final int BATCH = 1000;

  /**
   * {@code all}: the bundled correlations loaded; {@code drools}: the same in Drools stream mode;
   * {@code none}: the same rules without them.
   */
  @Param({"all", "drools", "none"})
  public String correlations;

  private SoakStream stream;
  private MatchingSession session;
  private long matches;
  private long correlated;
  private long iterationEvents;
  private long iterationCpuNanos;

  @Setup(Level.Trial)
  public void setUp() {
    LoadReport bundled = RuleLoader.create().loadSources(BundledRules.sources());
    CompiledRuleSet set =
        switch (correlations) {
          case "all" -> bundled.buildRuleSet();
          case "drools" ->
              CompiledRuleSet.build(
                  bundled.rules(),
                  bundled.correlations(),
                  bundled.matching(),
                  CompiledCorrelation.Evaluator.DROOLS_STREAM);
          default -> CompiledRuleSet.build(bundled.rules(), List.of(), bundled.matching());
        };
    session = new MatchingSession(set);
    stream = new SoakStream();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    iterationEvents = stream.count();
    iterationCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /**
   * Prints the iteration's state. Iteration fixtures run on the benchmark thread, so its CPU time
   * here is the matching's alone: events per CPU-second is the rate per core, whatever else the
   * machine runs meanwhile.
   */
  @TearDown(Level.Iteration)
  public void report() {
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - iterationCpuNanos;
    long events = stream.count() - iterationEvents;
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    StringBuilder out = new StringBuilder();
    out.append(
        ("%n  events %,d  matches %,d (correlations %,d)  heap after GC %,d KiB  event time %,d s%n"
                + "  this iteration: %,d events per CPU-second of the matching thread%n")
            .formatted(
                stream.count(),
                matches,
                correlated,
                heap / 1024,
                stream.count() * SoakStream.STEP_NANOS / 1_000_000_000L,
                cpu == 0 ? 0 : events * 1_000_000_000L / cpu));
    for (CompiledCorrelation.Stats s : session.correlationStats()) {
      out.append(
          "    %-75s keys %,6d  evicted %,11d  expired %,11d%n"
              .formatted(s.correlation(), s.keys(), s.evicted(), s.expired()));
    }
    System.out.print(out);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long matching() {
    for (int i = 0; i < BATCH; i++) {
      for (var m : session.match(stream.next())) {
        matches++;
        if (m.correlated() != null) {
          correlated++;
        }
      }
    }
    return matches;
  }

  /** The stream alone: what making the events costs, to tell it from matching them. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void generateOnly(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      EnrichedEvent e = stream.next();
      bh.consume(e);
    }
  }
}
