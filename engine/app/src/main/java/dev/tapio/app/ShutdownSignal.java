package dev.tapio.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Turns SIGINT and SIGTERM into an orderly stop: the main thread waits in {@link #await()}, a
 * signal releases it, and teardown runs on the main thread before the process exits with status 0.
 * A second signal while stopping is left to the JVM's default (immediate exit).
 */
public final class ShutdownSignal {
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile String received = "";

  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(
          new Signal(name),
          s -> {
            signal.received = "SIG" + s.getName();
            signal.stop.countDown();
          });
    }
    return signal;
  }

  /** Blocks until a stop signal arrives; returns its name ({@code SIGTERM}, {@code SIGINT}). */
  public String await() throws InterruptedException {
    stop.await();
    return received;
  }

  /** Waits at most {@code millis}; returns whether a stop signal arrived. */
  public boolean await(long millis) throws InterruptedException {
    return stop.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Requests a stop from inside the process (tests, fatal errors). */
  public void trigger(String reason) {
    received = reason;
    stop.countDown();
  }
}
