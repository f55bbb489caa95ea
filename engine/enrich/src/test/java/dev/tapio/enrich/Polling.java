package dev.tapio.enrich;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Polling for answers that arrive in the background. */
public final class Polling {
  private Polling() {}

  /**
   * Polls until {@code value} answers non-null; the bound only keeps a broken build from hanging.
   */
  public static <T> T eventually(Supplier<@Nullable T> value) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          T found;
          while ((found = value.get()) == null) {
            Thread.sleep(10);
          }
          return found;
        });
  }
}
