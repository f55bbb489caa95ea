package dev.tapio.app.pipeline;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.spi.AlertSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes an alert's container and pod details before it leaves. The first events of a new
 * container are matched while its metadata is still being fetched from the runtime; this stage
 * waits (briefly, off the event path) for that lookup and re-renders the alert with what it found.
 * Alerts keep their order and their id.
 */
public final class AlertCompleter implements AlertSink {
  private static final Logger log = LoggerFactory.getLogger(AlertCompleter.class);

  /** Re-renders an alert for a more complete event: the rule's output and fields again. */
  @FunctionalInterface
  public interface Rerender {
    Alert apply(Alert alert, EnrichedEvent completed);
  }

  private final UnaryOperator<EnrichedEvent> complete;
  private final Rerender rerender;
  private final AlertSink next;
  private final BlockingQueue<Alert> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param complete returns the event with whatever is known now, waiting a bounded time for a
   *     pending lookup; the same instance when nothing changed
   */
  public AlertCompleter(UnaryOperator<EnrichedEvent> complete, Rerender rerender, AlertSink next) {
    this.complete = complete;
    this.rerender = rerender;
    this.next = next;
    this.thread = Thread.ofPlatform().name("tapio-alert-completion").unstarted(this::loop);
    thread.start();
  }

  @Override
  public String name() {
    return "completion";
  }

  /** Never blocks: the queue is unbounded because alerts are rare next to events. */
  @Override
  public void send(Alert alert) {
    queue.add(alert);
  }

  private void loop() {
    while (running || !queue.isEmpty()) {
      try {
        Alert alert = queue.poll(50, TimeUnit.MILLISECONDS);
        if (alert != null) {
          next.send(completed(alert));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("alert completion failed: {}", e.toString());
      }
    }
  }

  private Alert completed(Alert alert) {
    EnrichedEvent done;
    try {
      done = complete.apply(alert.event());
    } catch (RuntimeException e) {
      return alert; // deliver what we have rather than nothing
    }
    return done == alert.event() ? alert : rerender.apply(alert, done);
  }

  /** Waits until every alert handed over so far has gone to the next sink, then flushes it. */
  @Override
  public void flush() {
    while (!queue.isEmpty() && thread.isAlive()) {
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
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    next.close();
  }
}
