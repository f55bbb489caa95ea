package dev.tapio.app.pipeline;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sheds load when the pipeline falls behind, keeping 1 in N events of the {@link SampledKind}s and
 * every other event.
 *
 * <p>The state is one number, the <em>level</em>. At level L the kind at position i of {@link
 * SampledKind} keeps 1 in 2<sup>L-i</sup> (1 in 1 while L &le; i, at most {@code maxKeepOneIn}):
 * file opens are sampled first and hardest, each later kind one step later. {@link #adjust} moves
 * the level one step per measurement: up while the pipeline is behind (its queue at or above the
 * high watermark, or its thread above the CPU budget), down once it has caught up (the queue at or
 * below the low watermark and the thread under {@link SamplingSettings#RELEASE_SHARE} of the
 * budget), and holds in between, so the rate does not flap around one threshold.
 *
 * <p>{@link #keep} runs on the sensors' threads: one volatile read while the level is 0, an atomic
 * increment per sampled kind otherwise.
 */
final class Sampler {
  private static final Logger log = LoggerFactory.getLogger(Sampler.class);
  private static final SampledKind[] KINDS = SampledKind.values();

  private final SamplingSettings settings;
  private final int maxShift;
  private final int maxLevel;
  private final AtomicLongArray seen = new AtomicLongArray(KINDS.length);
  private final LongAdder[] sampled = new LongAdder[KINDS.length];
  private volatile int level;

  Sampler(SamplingSettings settings) {
    this.settings = settings;
    this.maxShift = Integer.numberOfTrailingZeros(settings.maxKeepOneIn());
    this.maxLevel = settings.enabled() ? maxShift + KINDS.length - 1 : 0;
    for (int i = 0; i < sampled.length; i++) {
      sampled[i] = new LongAdder();
    }
  }

  /** Whether to pass on an event of {@code kind}; counts it when not. */
  boolean keep(SampledKind kind) {
    int n = keepOneIn(kind);
    if (n == 1) {
      return true;
    }
    if (seen.getAndIncrement(kind.ordinal()) % n == 0) {
      return true;
    }
    sampled[kind.ordinal()].increment();
    return false;
  }

  /** N of "1 in N" for {@code kind} now. */
  int keepOneIn(SampledKind kind) {
    int shift = Math.min(maxShift, level - kind.ordinal());
    return shift <= 0 ? 1 : 1 << shift;
  }

  int level() {
    return level;
  }

  /**
   * One measurement: moves the level a step up, a step down, or not at all.
   *
   * @param queueFill the pipeline queue's fill, 0 to 1
   * @param cpuShare the share of one core the pipeline thread used since the last measurement
   */
  void adjust(double queueFill, double cpuShare) {
    boolean behind = queueFill >= settings.queueHighWatermark() || cpuShare > settings.cpuBudget();
    boolean caughtUp =
        queueFill <= settings.queueLowWatermark()
            && cpuShare <= settings.cpuBudget() * SamplingSettings.RELEASE_SHARE;
    int before = level;
    if (behind && before < maxLevel) {
      level = before + 1;
    } else if (caughtUp && before > 0) {
      level = before - 1;
    }
    if (before == 0 && level > 0) {
      log.warn(
          "pipeline behind (queue {}% full, pipeline thread at {}% of a core): sampling {}",
          Math.round(queueFill * 100), Math.round(cpuShare * 100), rates());
    } else if (before > 0 && level == 0) {
      log.info(
          "pipeline caught up: sampling off, every event passes ({} sampled away so far)",
          sampled());
    }
  }

  /** Events sampled away since start, per kind label, every kind present. */
  Map<String, Long> sampled() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SampledKind kind : KINDS) {
      out.put(kind.label(), sampled[kind.ordinal()].sum());
    }
    return Collections.unmodifiableMap(out);
  }

  /** N of "1 in N" per kind now. */
  Map<SampledKind, Integer> rates() {
    Map<SampledKind, Integer> out = new EnumMap<>(SampledKind.class);
    for (SampledKind kind : KINDS) {
      out.put(kind, keepOneIn(kind));
    }
    return out;
  }
}
