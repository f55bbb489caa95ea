package dev.tapio.app.pipeline;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.api.spi.EventSink;
import dev.tapio.rules.Match;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event path after the sensors. Sources hand events over on their own threads through a bounded
 * queue (a full queue drops and counts, never blocks a sensor); one pipeline thread enriches,
 * matches and hands the matches on (to the {@link AlertCompleter}, which renders them), so
 * enrichment state and the rule session are only ever touched by that thread. When that thread
 * falls behind, the {@link Sampler} keeps only 1 in N of the high-volume kinds at the door, so the
 * kinds security rules depend on keep their place in the queue.
 */
public final class Pipeline implements EventSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private static final int BATCH = 256;

  /** How late the pipeline thread may wake for a due event, to release its neighbours with it. */
  private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

  /** The longest sleep with nothing queued or held (a lost wake-up costs at most this). */
  private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * How long events wait to be put back in time order across sensors (see {@link ReorderBuffer})
   * unless configured ({@code sensors.reorderDelay}); alerts are this much later than the event at
   * least. An event read later than this after a newer one is still enriched as of its own time
   * (the process table keeps replaced programs for a while), but a correlation rule sees it out of
   * order.
   */
  public static final Duration REORDER_DELAY = Duration.ofMillis(50);

  private final Function<Event, EnrichedEvent> enricher;
  private final RuleMatcher matcher;
  private final Consumer<Match> matches;
  private final Consumer<EnrichedEvent> eventTap;
  private final BlockingQueue<Event> queue;
  private final ReorderBuffer reorder;
  private final ExecWait execWait;
  private final LongSupplier clock;
  private final Thread thread;
  private final Sampler sampler;
  private final LoadMonitor monitor;

  /** Events in the queue, kept beside it so the sources need not take the queue's lock to ask. */
  private final AtomicInteger depth = new AtomicInteger();

  /** Queue depth from which sampled kinds are turned away: the rest is kept for the others. */
  private final int sampledKindsLimit;

  private static final int RESERVE_DIVISOR = 10;
  private final boolean sampling;

  private final LongAdder received = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong alerts = new AtomicLong();
  private final AtomicLong late = new AtomicLong();
  private long newestProcessed = Long.MIN_VALUE; // pipeline thread only
  private volatile boolean running = true;

  /** Set while the pipeline thread sleeps with nothing queued or held: the next event wakes it. */
  private volatile boolean idle;

  /** A pipeline that reorders events over {@link #REORDER_DELAY}. */
  public Pipeline(
      Function<Event, EnrichedEvent> enricher,
      RuleMatcher matcher,
      Consumer<Match> matches,
      Consumer<EnrichedEvent> eventTap,
      int queueCapacity) {
    this(enricher, matcher, matches, eventTap, queueCapacity, REORDER_DELAY);
  }

  /**
   * @param eventTap sees every enriched event before matching ({@code --print-events}, {@code tapio
   *     record}); a no-op otherwise
   * @param reorderDelay how long events wait to be put back in time order across sensors
   */
  public Pipeline(
      Function<Event, EnrichedEvent> enricher,
      RuleMatcher matcher,
      Consumer<Match> matches,
      Consumer<EnrichedEvent> eventTap,
      int queueCapacity,
      Duration reorderDelay) {
    this(enricher, matcher, matches, eventTap, queueCapacity, reorderDelay, SamplingSettings.OFF);
  }

  /**
   * @param sampling when the pipeline sheds load by sampling high-volume kinds ({@link Sampler})
   */
  public Pipeline(
      Function<Event, EnrichedEvent> enricher,
      RuleMatcher matcher,
      Consumer<Match> matches,
      Consumer<EnrichedEvent> eventTap,
      int queueCapacity,
      Duration reorderDelay,
      SamplingSettings sampling) {
    this(
        enricher,
        ExecTracker.NONE,
        matcher,
        matches,
        eventTap,
        queueCapacity,
        reorderDelay,
        sampling);
  }

  /**
   * @param execs tells events made by a program whose exec the enrichment has not seen yet (its
   *     record still in another ring): such an event waits for it ({@link ExecWait})
   */
  public Pipeline(
      Function<Event, EnrichedEvent> enricher,
      ExecTracker execs,
      RuleMatcher matcher,
      Consumer<Match> matches,
      Consumer<EnrichedEvent> eventTap,
      int queueCapacity,
      Duration reorderDelay,
      SamplingSettings sampling) {
    if (reorderDelay.isNegative()) {
      throw new IllegalArgumentException("reorderDelay must not be negative, was " + reorderDelay);
    }
    this.enricher = enricher;
    this.matcher = matcher;
    this.matches = matches;
    this.eventTap = eventTap;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.reorder = new ReorderBuffer(reorderDelay.toNanos());
    this.execWait = new ExecWait(execs);
    this.clock =
        () -> {
          Instant now = Instant.now();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    this.thread = Thread.ofPlatform().name("tapio-pipeline").daemon(false).unstarted(this::loop);
    this.sampling = sampling.enabled();
    this.sampler = new Sampler(sampling);
    this.sampledKindsLimit =
        sampling.enabled() ? queueCapacity - queueCapacity / RESERVE_DIVISOR : queueCapacity;
    this.monitor =
        new LoadMonitor(
            sampling, thread, () -> (double) depth.get() / queueCapacity, sampler::adjust);
  }

  public Pipeline start() {
    thread.start();
    monitor.start();
    return this;
  }

  /**
   * Called by sources on their threads. Never blocks; a full queue counts a drop. With sampling on,
   * a sampled kind may be sampled away, and finds the queue full at nine tenths of its capacity:
   * the last tenth is kept for the kinds never sampled, while sampling catches up.
   */
  @Override
  public void accept(Event event) {
    received.increment();
    if (sampling && SampledKind.of(event) instanceof SampledKind kind) {
      if (!sampler.keep(kind)) {
        return; // counted by the sampler
      }
      if (depth.get() >= sampledKindsLimit) {
        dropped.increment();
        return;
      }
    }
    if (queue.offer(event)) {
      int d = depth.incrementAndGet();
      if (d == BATCH || (d == 1 && idle)) {
        LockSupport.unpark(thread);
      }
    } else {
      dropped.increment();
    }
  }

  /** Whether the pipeline thread is running (it stops only at {@link #close} or on a crash). */
  public boolean running() {
    return thread.isAlive();
  }

  public PipelineStats stats() {
    Map<String, Integer> rates = new LinkedHashMap<>();
    sampler.rates().forEach((kind, n) -> rates.put(kind.label(), n));
    return new PipelineStats(
        received.sum(),
        dropped.sum(),
        processed.get(),
        failed.get(),
        alerts.get(),
        late.get(),
        execWait.waited(),
        execWait.timedOut(),
        execWait.overflow(),
        sampler.sampled(),
        rates);
  }

  /**
   * Wakes only when there is work that cannot wait: a full batch in the queue, the first event
   * after an idle spell, or the moment the oldest event held for reordering is due (plus {@link
   * #SLACK}, so that everything due within a few milliseconds leaves in one wake-up). Events queued
   * meanwhile wait for that moment: they could not leave the reorder buffer earlier anyway. At a
   * build's event rates this is a few wake-ups per reorder delay instead of one per event.
   */
  private void loop() {
    List<Event> batch = new ArrayList<>(BATCH);
    while (running || depth.get() > 0) {
      int n = queue.drainTo(batch, BATCH);
      if (n > 0) {
        depth.addAndGet(-n);
        processBatch(batch);
        batch.clear();
        if (n == BATCH) {
          continue;
        }
      }
      long now = clock.getAsLong();
      reorder.readyAt(now).forEach(this::process);
      execWait.expired(now).forEach(this::run);
      long due = Math.min(reorder.nextDueNanos(), execWait.nextDueNanos());
      if (due == Long.MAX_VALUE) {
        idle = true;
        if (depth.get() == 0 && running) {
          LockSupport.parkNanos(this, IDLE_WAIT_NANOS);
        }
        idle = false;
      } else if (depth.get() < BATCH && running) {
        LockSupport.parkNanos(this, Math.max(0, due - now) + SLACK_NANOS);
      }
    }
    reorder.drain().forEach(this::process);
    execWait.drain().forEach(this::run);
  }

  /**
   * What the pipeline thread does with the events it took from the queue: into the reorder buffer,
   * then whatever is ready through enrichment, matching and the sink. Only ever called from one
   * thread at a time: the pipeline's own, or a benchmark's driving a pipeline it never started.
   */
  public void processBatch(List<Event> batch) {
    for (Event event : batch) {
      reorder.add(event);
    }
    reorder.ready().forEach(this::process);
  }

  /** An event leaving the reorder buffer, in time order. */
  private void process(Event event) {
    long time = event.header().timeNanos();
    if (time < newestProcessed) {
      late.incrementAndGet();
    } else {
      newestProcessed = time;
    }
    runOrHold(event);
  }

  /**
   * Enriches and matches {@code event} now, or holds it until its exec arrives; after an exec or a
   * fork, the events that waited for it follow.
   */
  private void runOrHold(Event event) {
    if (!(event instanceof ProcessExec || event instanceof ProcessFork)
        && execWait.hold(event, clock)) {
      return;
    }
    run(event);
    switch (event) {
      case ProcessExec exec -> execWait.release(exec.header().pid()).forEach(this::runOrHold);
      case ProcessFork fork -> execWait.release(fork.childPid()).forEach(this::runOrHold);
      default -> {}
    }
  }

  /** Enriches and matches {@code event}, and hands its matches on. */
  private void run(Event event) {
    try {
      EnrichedEvent enriched = enricher.apply(event);
      eventTap.accept(enriched);
      for (Match match : matcher.match(enriched)) {
        alerts.incrementAndGet();
        matches.accept(match);
      }
      processed.incrementAndGet();
    } catch (RuntimeException e) {
      if (failed.getAndIncrement() == 0) {
        log.error("event processing failed (later failures are only counted)", e);
      }
    }
  }

  /**
   * Stops taking work, finishes what is queued, and returns. The match consumer is not closed here.
   */
  @Override
  public void close() {
    monitor.close();
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    PipelineStats s = stats();
    log.info(
        "pipeline stopped: {} events received, {} processed, {} dropped (queue full), {} failed,"
            + " {} alerts, {} sampled away under load",
        s.received(),
        s.processed(),
        s.droppedQueueFull(),
        s.failed(),
        s.alerts(),
        s.sampledTotal());
  }
}
