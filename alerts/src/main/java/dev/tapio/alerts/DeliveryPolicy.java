package dev.tapio.alerts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a sink moves alerts off the event path: a bounded queue, batches, retries with exponential
 * backoff and jitter, then an optional on-disk spool. Build one with {@link #builder()}.
 *
 * @param queueCapacity alerts held in memory; beyond it {@code send} drops and counts {@link
 *     DropReason#QUEUE_FULL}
 * @param batchSize alerts per export
 * @param batchDelay how long the exporter waits to fill a batch
 * @param maxAttempts attempts per batch before it goes to the spool (or is dropped without one)
 * @param initialBackoff the wait after the first failure
 * @param maxBackoff the longest wait between attempts (also the probe interval while spooling)
 * @param flushTimeout how long {@code flush} and {@code close} wait
 * @param spool the on-disk spool, if any
 */
public record DeliveryPolicy(
    int queueCapacity,
    int batchSize,
    Duration batchDelay,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration flushTimeout,
    @Nullable SpoolConfig spool) {

  public DeliveryPolicy {
    Builder.positive("queueCapacity", queueCapacity);
    Builder.positive("batchSize", batchSize);
    Builder.positive("maxAttempts", maxAttempts);
    Builder.positive("batchDelay", batchDelay);
    Builder.positive("initialBackoff", initialBackoff);
    Builder.positive("maxBackoff", maxBackoff);
    Builder.positive("flushTimeout", flushTimeout);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
    }
  }

  /** 10,000 queued, batches of 512 within 200 ms, 5 attempts from 200 ms to 30 s, no spool. */
  public static DeliveryPolicy defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<SpoolConfig> spoolConfig() {
    return Optional.ofNullable(spool);
  }

  /** Validating builder; every setter rejects nonsense at once. */
  public static final class Builder {
    private int queueCapacity = 10_000;
    private int batchSize = 512;
    private Duration batchDelay = Duration.ofMillis(200);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration flushTimeout = Duration.ofSeconds(10);
    private @Nullable SpoolConfig spool;

    private Builder() {}

    public Builder queueCapacity(int capacity) {
      this.queueCapacity = positive("queueCapacity", capacity);
      return this;
    }

    public Builder batchSize(int size) {
      this.batchSize = positive("batchSize", size);
      return this;
    }

    public Builder batchDelay(Duration delay) {
      this.batchDelay = positive("batchDelay", delay);
      return this;
    }

    public Builder maxAttempts(int attempts) {
      this.maxAttempts = positive("maxAttempts", attempts);
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = positive("initialBackoff", initial);
      this.maxBackoff = positive("maxBackoff", max);
      return this;
    }

    public Builder flushTimeout(Duration timeout) {
      this.flushTimeout = positive("flushTimeout", timeout);
      return this;
    }

    public Builder spool(@Nullable SpoolConfig config) {
      this.spool = config;
      return this;
    }

    public DeliveryPolicy build() {
      return new DeliveryPolicy(
          queueCapacity,
          batchSize,
          batchDelay,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          flushTimeout,
          spool);
    }

    static int positive(String what, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(what + " must be positive: " + value);
      }
      return value;
    }

    static Duration positive(String what, Duration value) {
      Objects.requireNonNull(value, what);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + value);
      }
      return value;
    }
  }
}
