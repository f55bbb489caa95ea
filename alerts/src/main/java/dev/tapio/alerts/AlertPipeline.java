package dev.tapio.alerts;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.AlertSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the engine hands every alert to: scrub secrets, then limit identical alerts, then fan out to
 * every sink. The one place the order of these steps is decided.
 *
 * <pre>{@code
 * AlertPipeline alerts = AlertPipeline.builder()
 *     .scrubber(Scrubber.defaults())
 *     .rateLimit(RateLimitingSink.builder().window(Duration.ofMinutes(1)).perKey(5))
 *     .sink(OtlpLogSink.builder().fromEnvironment(System.getenv()).build())
 *     .sink(JsonLinesSink.stdout())
 *     .build();
 * }</pre>
 */
public final class AlertPipeline implements AlertSink {
  private final List<AlertSink> sinks;
  private final @Nullable RateLimitingSink limiter;
  private final AlertSink head;

  private AlertPipeline(Builder b) {
    this.sinks = List.copyOf(b.sinks);
    AlertSink fanOut = sinks.size() == 1 ? sinks.getFirst() : AlertSink.composite(sinks);
    this.limiter = b.rateLimit == null ? null : b.rateLimit.build(fanOut);
    AlertSink limited = limiter != null ? limiter : fanOut;
    this.head = new ScrubbingSink(b.scrubber, limited);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "alerts";
  }

  @Override
  public void send(Alert alert) {
    head.send(alert);
  }

  @Override
  public void flush() {
    head.flush();
  }

  @Override
  public void close() {
    head.close();
  }

  /** The counters of every sink that keeps them, in the order the sinks were added. */
  public List<SinkStats> stats() {
    List<SinkStats> stats = new ArrayList<>();
    for (AlertSink sink : sinks) {
      if (sink instanceof CountedAlertSink counted) {
        stats.add(counted.stats());
      }
    }
    return stats;
  }

  /** The rate limiter's counters, all zero without one. */
  public RateLimitingSink.Stats rateLimitStats() {
    return limiter == null ? new RateLimitingSink.Stats(0, 0, 0) : limiter.stats();
  }

  /** Steps of an {@link AlertPipeline}: a scrubber (default: built-in patterns), limits, sinks. */
  public static final class Builder {
    static final String NO_SINKS = "an alert pipeline needs at least one sink";

    private Scrubber scrubber = Scrubber.defaults();
    private RateLimitingSink.@Nullable Builder rateLimit;
    private final List<AlertSink> sinks = new ArrayList<>();

    private Builder() {}

    public Builder scrubber(Scrubber scrubber) {
      this.scrubber = Objects.requireNonNull(scrubber);
      return this;
    }

    /** Limits identical alerts; without this call nothing is limited. */
    public Builder rateLimit(RateLimitingSink.Builder limits) {
      this.rateLimit = limits;
      return this;
    }

    public Builder sink(AlertSink sink) {
      sinks.add(Objects.requireNonNull(sink));
      return this;
    }

    public AlertPipeline build() {
      if (sinks.isEmpty()) {
        throw new IllegalStateException(NO_SINKS);
      }
      return new AlertPipeline(this);
    }
  }
}
