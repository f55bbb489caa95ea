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

  /** Runs {@code step} now; its result is closed at teardown, after every later step's. */
  public void step(String name, Step step) {
    log.debug("start: {}", name);
    long t0 = System.nanoTime();
    try {
      started.push(new Started(name, step.start()));
      log.debug("started: {} ({} ms)", name, (System.nanoTime() - t0) / 1_000_000);
    } catch (Exception e) {
      close();
      throw new StartupException(name, e);
    }
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
