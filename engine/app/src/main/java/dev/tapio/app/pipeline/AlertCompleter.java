package dev.tapio.app.pipeline;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.spi.AlertSink;
import dev.tapio.rules.Match;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the alert path: match → complete → render once. The first events of a new container
 * are matched while its metadata is still being fetched from the runtime; this stage waits
 * (briefly, off the event path) for that lookup, then renders each match into its alert exactly
 * once, with the most complete event it has, and hands it to the alert sinks. Alerts keep their
 * order.
 */
public final class AlertCompleter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertCompleter.class);

  private final UnaryOperator<EnrichedEvent> complete;
  private final Function<Match, Alert> render;
  private final AlertSink next;

  /** Matches, and {@link #STOP} last: the thread sleeps until one of them arrives. */
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

  private static final Object STOP = new Object();

  private final Thread thread;

  /** Matches handed over and not yet passed on (queued or being completed and rendered). */
  private final java.util.concurrent.atomic.AtomicLong pending =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param complete returns the event with whatever is known now, waiting a bounded time for a
   *     pending lookup; the same instance when nothing changed
   * @param next where the rendered alerts go
   */
  public AlertCompleter(UnaryOperator<EnrichedEvent> complete, AlertSink next) {
    this(complete, Match::render, next);
  }

  /**
   * As above, rendering each completed match with {@code render} (which marks shadow rules'
   * alerts).
   */
  public AlertCompleter(
      UnaryOperator<EnrichedEvent> complete, Function<Match, Alert> render, AlertSink next) {
    this.complete = complete;
    this.render = render;
    this.next = next;
    this.thread = Thread.ofPlatform().name("tapio-alert-completion").unstarted(this::loop);
    thread.start();
  }

  /** Never blocks: the queue is unbounded because alerts are rare next to events. */
  public void send(Match match) {
    pending.incrementAndGet();
    queue.add(match);
  }

  private void loop() {
    while (true) {
      try {
        Object item = queue.take();
        if (!(item instanceof Match match)) {
          return; // STOP: everything handed over before close has been passed on
        }
        try {
          next.send(render.apply(completed(match)));
        } finally {
          pending.decrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("alert completion failed: {}", e.toString());
      }
    }
  }

  private Match completed(Match match) {
    try {
      return match.with(complete.apply(match.event()));
    } catch (RuntimeException e) {
      return match; // deliver what we have rather than nothing
    }
  }

  /** Waits until every match handed over so far has gone to the next sink, then flushes it. */
  public void flush() {
    while (pending.get() > 0 && thread.isAlive()) {
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    next.flush();
  }

  @Override
  public void close() {
    queue.add(STOP);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    next.close();
  }
}
