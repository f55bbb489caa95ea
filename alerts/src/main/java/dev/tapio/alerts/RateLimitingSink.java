package dev.tapio.alerts;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.AlertSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets at most a few identical alerts through per time window and sums up the rest. Alerts are
 * identical when they share the rule, the container and the key fields: the rule's configured
 * fields, or else every output field but the per-event ones ({@code evt.time}, {@code evt.num},
 * ...). A global limit caps all alerts per window on top. When a window with suppressed alerts
 * ends, one summary alert follows: the last suppressed alert with {@value #SUPPRESSED_FIELD} set to
 * the count and the count in front of its output.
 */
public final class RateLimitingSink implements AlertSink {
  /** The output field of a summary alert that holds how many alerts it stands for. */
  public static final String SUPPRESSED_FIELD = "tapio.suppressed";

  static final String SUMMARY_OUTPUT = "%d identical alerts suppressed within %ds; last one: %s";

  private static final List<String> PER_EVENT_PREFIXES =
      List.of("evt.time", "evt.rawtime", "evt.datetime", "evt.num", "evt.reltime", "evt.latency");

  private final AlertSink next;
  private final long windowNanos;
  private final int perKey;
  private final int global;
  private final int maxKeys;
  private final Map<String, RuleLimit> rules;
  private final LongSupplier clock;
  private final Map<String, Window> windows = new LinkedHashMap<>();
  private final @Nullable ScheduledExecutorService ticker;
  private final java.util.concurrent.@Nullable ScheduledFuture<?> ticking;
  private long globalWindowStart;
  private int globalCount;
  private final AtomicLong passed = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();
  private final AtomicLong summaries = new AtomicLong();

  /** A per-rule limit; empty {@code keyFields} means every output field but the per-event ones. */
  public record RuleLimit(int maxPerWindow, List<String> keyFields) {
    public RuleLimit {
      keyFields = List.copyOf(keyFields);
      if (maxPerWindow <= 0) {
        throw new IllegalArgumentException("maxPerWindow must be positive: " + maxPerWindow);
      }
    }
  }

  /** Counters: alerts passed on, suppressed, and summaries sent for them. */
  public record Stats(long passed, long suppressed, long summaries) {}

  private static final class Window {
    final long start;
    int count;
    int suppressed;
    @Nullable Alert lastSuppressed;

    Window(long start) {
      this.start = start;
    }
  }

  private RateLimitingSink(Builder b, AlertSink next) {
    this.next = next;
    this.windowNanos = b.window.toNanos();
    this.perKey = b.perKey;
    this.global = b.global;
    this.maxKeys = b.maxKeys;
    this.rules = Map.copyOf(b.rules);
    this.clock = b.clock;
    this.globalWindowStart = clock.getAsLong();
    if (b.ticking) {
      ScheduledExecutorService t =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("tapio-alerts-ratelimit").factory());
      long period = Math.max(1, b.window.toMillis() / 2);
      this.ticking = t.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
      this.ticker = t;
    } else {
      this.ticker = null;
      this.ticking = null;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return next.name();
  }

  @Override
  public void send(Alert alert) {
    List<Alert> out = new ArrayList<>(2);
    synchronized (this) {
      long now = clock.getAsLong();
      String key = key(alert);
      Window window = windows.get(key);
      if (window != null && now - window.start >= windowNanos) {
        windows.remove(key);
        addSummary(window, out);
        window = null;
      }
      if (window == null) {
        if (windows.size() >= maxKeys) {
          expire(now, out);
        }
        window = new Window(now);
        if (windows.size() < maxKeys) {
          windows.put(key, window);
        }
      }
      if (now - globalWindowStart >= windowNanos) {
        globalWindowStart = now;
        globalCount = 0;
      }
      int limit = limitFor(alert.rule());
      if (window.count < limit && globalCount < global) {
        window.count++;
        globalCount++;
        passed.incrementAndGet();
        out.add(alert);
      } else {
        window.suppressed++;
        window.lastSuppressed = alert;
        suppressed.incrementAndGet();
      }
    }
    out.forEach(next::send);
  }

  /** Ends every window that is over and sends its summary. Called by the ticker thread. */
  public void tick() {
    List<Alert> out = new ArrayList<>();
    synchronized (this) {
      expire(clock.getAsLong(), out);
    }
    out.forEach(next::send);
  }

  private void expire(long now, List<Alert> out) {
    Iterator<Window> it = windows.values().iterator();
    while (it.hasNext()) {
      Window window = it.next();
      if (now - window.start >= windowNanos) {
        it.remove();
        addSummary(window, out);
      }
    }
  }

  private void addSummary(Window window, List<Alert> out) {
    Alert last = window.lastSuppressed;
    if (window.suppressed == 0 || last == null) {
      return;
    }
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(last.outputFields());
    fields.put(SUPPRESSED_FIELD, (long) window.suppressed);
    out.add(
        last.withId(last.id() + "-summary")
            .withOutput(
                SUMMARY_OUTPUT.formatted(
                    window.suppressed, Math.max(1, windowNanos / 1_000_000_000L), last.output()),
                fields));
    summaries.incrementAndGet();
  }

  private int limitFor(String rule) {
    RuleLimit limit = rules.get(rule);
    return limit != null ? limit.maxPerWindow() : perKey;
  }

  private String key(Alert alert) {
    StringBuilder key =
        new StringBuilder(alert.rule()).append('\0').append(alert.event().container().id());
    RuleLimit limit = rules.get(alert.rule());
    if (limit != null && !limit.keyFields().isEmpty()) {
      for (String field : limit.keyFields()) {
        key.append('\0').append(alert.outputFields().get(field));
      }
    } else {
      alert
          .outputFields()
          .forEach(
              (field, value) -> {
                if (!isPerEvent(field)) {
                  key.append('\0').append(field).append('=').append(value);
                }
              });
    }
    return key.toString();
  }

  private static boolean isPerEvent(String field) {
    for (String prefix : PER_EVENT_PREFIXES) {
      if (field.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public Stats stats() {
    return new Stats(passed.get(), suppressed.get(), summaries.get());
  }

  /** Sends the summaries of all open windows, then flushes the next sink. */
  @Override
  public void flush() {
    List<Alert> out = new ArrayList<>();
    synchronized (this) {
      windows.values().forEach(w -> addSummary(w, out));
      windows.clear();
    }
    out.forEach(next::send);
    next.flush();
  }

  @Override
  public void close() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    flush();
    next.close();
  }

  /** Settings of a {@link RateLimitingSink}. */
  public static final class Builder {
    private Duration window = Duration.ofSeconds(60);
    private int perKey = 5;
    private int global = 1000;
    private int maxKeys = 10_000;
    private final Map<String, RuleLimit> rules = new HashMap<>();
    private LongSupplier clock = System::nanoTime;
    private boolean ticking = true;

    private Builder() {}

    /** The window over which alerts are counted (default 60 s). */
    public Builder window(Duration window) {
      this.window = DeliveryPolicy.Builder.positive("window", window);
      return this;
    }

    /** Identical alerts let through per window (default 5). */
    public Builder perKey(int max) {
      this.perKey = DeliveryPolicy.Builder.positive("perKey", max);
      return this;
    }

    /** All alerts let through per window (default 1,000). */
    public Builder global(int max) {
      this.global = DeliveryPolicy.Builder.positive("global", max);
      return this;
    }

    /** How many distinct alerts are tracked at once; beyond it the oldest windows end early. */
    public Builder maxKeys(int max) {
      this.maxKeys = DeliveryPolicy.Builder.positive("maxKeys", max);
      return this;
    }

    /** A limit for one rule, and the fields that make its alerts identical. */
    public Builder rule(String rule, int maxPerWindow, List<String> keyFields) {
      rules.put(Objects.requireNonNull(rule), new RuleLimit(maxPerWindow, keyFields));
      return this;
    }

    /**
     * A clock in nanoseconds, without the ticker thread: windows end on {@link #tick()}, on the
     * next alert of the same kind, or on {@link #flush()}.
     */
    public Builder manualClock(LongSupplier nanos) {
      this.clock = Objects.requireNonNull(nanos);
      this.ticking = false;
      return this;
    }

    public RateLimitingSink build(AlertSink next) {
      return new RateLimitingSink(this, next);
    }
  }
}
