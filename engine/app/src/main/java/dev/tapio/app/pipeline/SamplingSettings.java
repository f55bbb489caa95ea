package dev.tapio.app.pipeline;

import java.time.Duration;

/**
 * When the pipeline samples (see {@link Sampler}).
 *
 * @param enabled whether sampling may engage at all
 * @param queueHighWatermark the queue fill (0 to 1) at or above which the pipeline is behind
 * @param queueLowWatermark the queue fill at or below which it has caught up (with the CPU below
 *     {@link #RELEASE_SHARE} of the budget)
 * @param cpuBudget the share of one core the pipeline thread may use (0 to 1); above it the
 *     pipeline counts as behind even while its queue is short
 * @param maxKeepOneIn the highest N of "keep 1 in N" (a power of two)
 * @param interval how often the load is measured and the sampling rate moves one step
 */
public record SamplingSettings(
    boolean enabled,
    double queueHighWatermark,
    double queueLowWatermark,
    double cpuBudget,
    int maxKeepOneIn,
    Duration interval) {

  /** The share of the CPU budget the pipeline thread must fall under before sampling eases. */
  public static final double RELEASE_SHARE = 0.8;

  /** Never samples: tests and benchmarks that must see every event. */
  public static final SamplingSettings OFF =
      new SamplingSettings(false, 0.5, 0.1, 1.0, 1024, Duration.ofMillis(500));

  public SamplingSettings {
    if (!(queueLowWatermark >= 0 && queueLowWatermark < queueHighWatermark)
        || queueHighWatermark > 1) {
      throw new IllegalArgumentException(
          "watermarks must satisfy 0 <= low < high <= 1, were %s and %s"
              .formatted(queueLowWatermark, queueHighWatermark));
    }
    if (!(cpuBudget > 0 && cpuBudget <= 1)) {
      throw new IllegalArgumentException("cpuBudget must be in (0, 1], was " + cpuBudget);
    }
    if (maxKeepOneIn < 2 || Integer.bitCount(maxKeepOneIn) != 1) {
      throw new IllegalArgumentException(
          "maxKeepOneIn must be a power of two of at least 2, was " + maxKeepOneIn);
    }
    if (interval.toMillis() < 10) {
      throw new IllegalArgumentException("interval must be at least 10ms, was " + interval);
    }
  }

  public SamplingSettings withEnabled(boolean on) {
    return new SamplingSettings(
        on, queueHighWatermark, queueLowWatermark, cpuBudget, maxKeepOneIn, interval);
  }

  public SamplingSettings withInterval(Duration every) {
    return new SamplingSettings(
        enabled, queueHighWatermark, queueLowWatermark, cpuBudget, maxKeepOneIn, every);
  }
}
