package dev.tapio.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound on an orderly stop. Teardown drains the queues and flushes the sinks; should a receiver
 * or a stage hang, this ends the process when the deadline passes ({@code shutdown.drainTimeout}),
 * so a node drain or rolling update is never held up by Tapio. Ending the process closes its
 * descriptors, which detaches every BPF program; alerts already in the spool stay on disk for the
 * next start.
 */
public final class ShutdownDeadline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ShutdownDeadline.class);

  static final String EXPIRED =
      "stopping took longer than shutdown.drainTimeout ({}): exiting now; spooled alerts stay on"
          + " disk for the next start";

  /** Exit status when the deadline ends the process. */
  static final int EXIT_DEADLINE = 3;

  private final Thread watchdog;

  private ShutdownDeadline(Thread watchdog) {
    this.watchdog = watchdog;
  }

  /** Ends the process (status {@value #EXIT_DEADLINE}) unless closed within {@code timeout}. */
  public static ShutdownDeadline arm(Duration timeout) {
    return arm(
        timeout,
        () -> {
          log.error(EXPIRED, timeout);
          Runtime.getRuntime().halt(EXIT_DEADLINE);
        });
  }

  /** Runs {@code onExpiry} on a watchdog thread unless closed within {@code timeout}. */
  static ShutdownDeadline arm(Duration timeout, Runnable onExpiry) {
    Thread t =
        Thread.ofPlatform()
            .name("tapio-shutdown-deadline")
            .daemon(true)
            .start(
                () -> {
                  try {
                    Thread.sleep(timeout);
                  } catch (InterruptedException e) {
                    return; // stopped in time
                  }
                  onExpiry.run();
                });
    return new ShutdownDeadline(t);
  }

  /** The stop finished in time. */
  @Override
  public void close() {
    watchdog.interrupt();
  }
}
