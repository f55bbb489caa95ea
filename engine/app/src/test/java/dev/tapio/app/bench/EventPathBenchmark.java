package dev.tapio.app.bench;

import dev.tapio.api.event.Event;
import dev.tapio.app.RuleSets;
import dev.tapio.app.pipeline.ExecTracker;
import dev.tapio.app.pipeline.Pipeline;
import dev.tapio.app.pipeline.SamplingSettings;
import dev.tapio.enrich.Enricher;
import dev.tapio.rules.MatchingSession;
import dev.tapio.sensors.internal.decode.EventDecoder;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
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

/**
 * One event through the engine's whole event path, as {@code tapio run} does it: raw ring-buffer
 * records (laid out with the generated ABI offsets) decoded by the sensors' decoder, then through
 * the real {@link Pipeline} (reorder buffer, enrichment, the bundled rules' Drools session), in
 * batches of {@value #BATCH} as the pipeline thread drains its queue. Here one thread does what the
 * polling thread and the pipeline thread share in the engine.
 *
 * <p>{@code opens}: file opens by eight known processes of a build (header files, seven in eight
 * absolute, the rest relative to the cwd). {@code mix}: the same with a fork, exec and exit of a
 * compiler every 32 events. Events are 10 µs apart in time, so the reorder buffer holds 5,000 of
 * them (its 50 ms delay), as at 100,000 events a second. Run with {@code ./bench engine/app
 * EventPathBenchmark -prof gc} for the allocation per event too.
 */
@State(Scope.Thread)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventPathBenchmark {
  static final int BATCH = 256;
  private static final int PIDS = 8;
  private static final int FIRST_PID = 2000;
  private static final int FIRST_CHILD = 10_000;
  private static final int CHILDREN = 4096;
  private static final long SPACING_NANOS = 10_000;

  @Param({"opens", "mix"})
  public String workload;

  private final EventDecoder decoder = new EventDecoder(0);
  private Enricher enricher;
  private MatchingSession session;
  private Pipeline pipeline;
  private MemorySegment[] records;
  private final List<Event> batch = new ArrayList<>(BATCH);
  private int next;
  private long now = 1_700_000_000_000_000_000L;

  @Setup(Level.Trial)
  public void setUp() {
    enricher =
        Enricher.builder()
            .procRoot(null)
            .cgroup2Root(null)
            .seedFromProcfs(false)
            .hostname("node-1")
            .build();
    session = new MatchingSession(RuleSets.load(List.of()));
    pipeline =
        new Pipeline(
            enricher::enrich,
            ExecTracker.of(enricher::awaitsExec, enricher::execMissed),
            session::match,
            m -> {},
            e -> {},
            16,
            Pipeline.REORDER_DELAY,
            SamplingSettings.OFF);
    List<MemorySegment> start = new ArrayList<>();
    start.add(RawRecords.exec(FIRST_PID - 1, 1, "/usr/bin/make", "make\0-j2\0", "/src"));
    for (int i = 0; i < PIDS; i++) {
      start.add(
          RawRecords.exec(FIRST_PID + i, FIRST_PID - 1, "/usr/bin/cc1", "cc1\0-O2\0", "/src"));
    }
    feed(start.toArray(MemorySegment[]::new), start.size());
    records = workload.equals("mix") ? mix() : opens(BATCH * 64);
    // Once through, so a fixture the decoder or the rules refuse fails before measuring.
    for (int i = 0; i < records.length / BATCH; i++) {
      runBatch();
    }
  }

  private static MemorySegment[] opens(int n) {
    MemorySegment[] out = new MemorySegment[n];
    for (int i = 0; i < n; i++) {
      int pid = FIRST_PID + i % PIDS;
      String header = "linux/header-" + (i % 997) + ".h";
      out[i] =
          i % 8 == 7
              ? RawRecords.open(pid, "include/" + header, "/src/project")
              : RawRecords.open(pid, "/usr/include/" + header, "");
    }
    return out;
  }

  private static MemorySegment[] mix() {
    MemorySegment[] opens = opens(BATCH * 64);
    List<MemorySegment> out = new ArrayList<>();
    int child = FIRST_CHILD;
    for (int i = 0; i < opens.length; i++) {
      if (i % 32 == 31) {
        int parent = FIRST_PID + i % PIDS;
        out.add(RawRecords.fork(parent, child));
        out.add(RawRecords.exec(child, parent, "/usr/bin/as", "as\0-o\0x.o\0x.s\0", "/src"));
        out.add(RawRecords.exit(child));
        child = FIRST_CHILD + (child - FIRST_CHILD + 1) % CHILDREN;
      } else {
        out.add(opens[i]);
      }
    }
    return out.toArray(MemorySegment[]::new);
  }

  private void feed(MemorySegment[] from, int count) {
    for (int i = 0; i < count; i++) {
      MemorySegment r = from[(next + i) % from.length];
      now += SPACING_NANOS;
      RawRecords.stamp(r, now);
      batch.add(decoder.decode(r));
    }
    next = (next + count) % from.length;
    pipeline.processBatch(batch);
    batch.clear();
  }

  private void runBatch() {
    feed(records, BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void eventPath() {
    runBatch();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pipeline.stats().failed() > 0) {
      throw new IllegalStateException("events failed in the pipeline: " + pipeline.stats());
    }
    session.close();
    enricher.close();
  }
}
