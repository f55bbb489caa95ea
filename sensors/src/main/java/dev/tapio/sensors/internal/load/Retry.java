package dev.tapio.sensors.internal.load;

import dev.tapio.sensors.internal.ffm.BpfException;
import java.time.Duration;

/**
 * Retries an operation that failed with a transient errno (EAGAIN, EINTR, EBUSY, ENOMEM) with
 * exponential backoff; any other failure, or the last one, is thrown.
 */
public record Retry(int attempts, Duration firstDelay, Sleeper sleeper) {
  /** Waits between attempts; tests substitute one that only records. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A BPF call. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws BpfException;
  }

  public static Retry standard() {
    return new Retry(4, Duration.ofMillis(25), d -> Thread.sleep(d));
  }

  public <T> T run(Call<T> call) throws BpfException {
    Duration delay = firstDelay;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (BpfException e) {
        if (!e.isTransient() || attempt >= attempts) {
          throw e;
        }
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        delay = delay.multipliedBy(2);
      }
    }
  }
}
