package dev.tapio.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named start-up steps in order and undoes them in reverse. A step returns what must be closed
 * at teardown; when a step fails, everything started before it is closed and the failure propagates
 * with the step's name.
 */
public final class Lifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  /** One start-up step. */
  @FunctionalInterface
  public interface Step {
    AutoCloseable start() throws Exception;
  }

  private record Started(String name, AutoCloseable resource) {}

  private final Deque<Started> started = new ArrayDeque<>();

  /**
   * Runs {@code step} now; its result is closed at teardown, after every later step's. At debug
   * level each step logs its wall time and this thread's CPU time, and the first one how long the
   * process ran before it (the start-up timeline of docs/footprint.md).
   */
  public void step(String name, Step step) {
    if (started.isEmpty() && log.isDebugEnabled()) {
      ProcessHandle.Info self = ProcessHandle.current().info();
      log.debug(
          "process started {} ms ago, {} ms of CPU so far",
          self.startInstant()
              .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis())
              .orElse(-1L),
          self.totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
    }
    log.debug("start: {}", name);
    long t0 = System.nanoTime();
    long c0 = threadCpuNanos();
    try {
      started.push(new Started(name, step.start()));
      log.debug(
          "started: {} ({} ms, {} ms of CPU)",
          name,
          (System.nanoTime() - t0) / 1_000_000,
          (threadCpuNanos() - c0) / 1_000_000);
    } catch (Exception e) {
      close();
      throw new StartupException(name, e);
    }
  }

  /**
   * This thread's CPU time in nanoseconds when debug logging is on, else 0: the management classes
   * are not worth loading at every start.
   */
  public static long threadCpuNanos() {
    return log.isDebugEnabled()
        ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        : 0;
  }

  /** Undoes every started step, newest first. Failures are logged and do not stop the others. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      Started s = started.pop();
      try {
        s.resource().close();
        log.debug("stopped: {}", s.name());
      } catch (Exception e) {
        log.warn("stopping '{}' failed: {}", s.name(), e.toString());
      }
    }
  }

  /** A start-up step failed. */
  public static final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(String step, Throwable cause) {
      super("start-up step '" + step + "' failed: " + cause.getMessage(), cause);
    }
  }
}
