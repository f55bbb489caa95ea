package dev.tapio.sensors;

import dev.tapio.api.filter.KernelFilter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SensorSet}.
 *
 * @param ringBufferBytes size of each sensor's ring buffer: a power of two, at least one page
 * @param selfPid the process whose events the kernel drops (the engine itself); 0 filters nothing
 * @param pollTimeout how long the polling thread waits for data before checking for shutdown
 * @param batchSize records drained from one ring buffer before moving to the next
 * @param cgroupRate file records per second one cgroup may send (opens and changes; process
 *     lifecycle is never limited); 0 for no limit. Refused records are counted as throttled
 * @param cgroupBurst file records a cgroup may send at once
 * @param audit whether seccomp and LSM events are also read from the audit multicast group
 * @param features the kernel's features, when already probed; else probed at start
 * @param kernelFilter what the file sensor may drop in the kernel (from the rules); {@link
 *     KernelFilter#NONE} drops nothing
 */
public record SensorConfig(
    int ringBufferBytes,
    int selfPid,
    Duration pollTimeout,
    int batchSize,
    long cgroupRate,
    long cgroupBurst,
    @Nullable KernelFeatures features,
    boolean audit,
    KernelFilter kernelFilter) {
  public static final int DEFAULT_RING_BUFFER_BYTES = 8 * 1024 * 1024;
  static final String BAD_RING =
      "ring buffer size must be a power of two of at least 4096 bytes: %d";
  static final String BAD_BATCH = "batch size must be positive: %d";
  static final String BAD_RATE = "cgroup rate limit needs a rate >= 0 and a burst >= 1: %d/s, %d";

  public SensorConfig {
    if (ringBufferBytes < 4096 || Integer.bitCount(ringBufferBytes) != 1) {
      throw new IllegalArgumentException(BAD_RING.formatted(ringBufferBytes));
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException(BAD_BATCH.formatted(batchSize));
    }
    if (cgroupRate < 0 || (cgroupRate > 0 && cgroupBurst < 1)) {
      throw new IllegalArgumentException(BAD_RATE.formatted(cgroupRate, cgroupBurst));
    }
  }

  /**
   * Defaults: 8 MiB rings, this process filtered out, 100 ms polls, batches of 512, no cgroup rate
   * limit.
   */
  public static SensorConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SensorConfig}; each setter validates when {@link #build} runs. */
  public static final class Builder {
    private int ringBufferBytes = DEFAULT_RING_BUFFER_BYTES;
    private int selfPid = (int) ProcessHandle.current().pid();
    private Duration pollTimeout = Duration.ofMillis(100);
    private int batchSize = 512;
    private long cgroupRate;
    private long cgroupBurst;
    private @Nullable KernelFeatures features;
    private boolean audit = true;
    private KernelFilter kernelFilter = KernelFilter.NONE;

    private Builder() {}

    public Builder ringBufferBytes(int bytes) {
      this.ringBufferBytes = bytes;
      return this;
    }

    public Builder selfPid(int pid) {
      this.selfPid = pid;
      return this;
    }

    public Builder pollTimeout(Duration timeout) {
      this.pollTimeout = timeout;
      return this;
    }

    public Builder batchSize(int records) {
      this.batchSize = records;
      return this;
    }

    /** Limits file records per cgroup to {@code perSecond}, {@code burst} at once; 0 = off. */
    public Builder cgroupRateLimit(long perSecond, long burst) {
      this.cgroupRate = perSecond;
      this.cgroupBurst = burst;
      return this;
    }

    public Builder features(KernelFeatures probed) {
      this.features = probed;
      return this;
    }

    /**
     * Whether seccomp and LSM events are also read from the kernel's audit group (default on; it
     * only listens, never changes the audit configuration).
     */
    public Builder audit(boolean read) {
      this.audit = read;
      return this;
    }

    /** Lets the kernel drop file records no rule could match (see {@link KernelFilter}). */
    public Builder kernelFilter(KernelFilter filter) {
      this.kernelFilter = filter;
      return this;
    }

    public SensorConfig build() {
      return new SensorConfig(
          ringBufferBytes,
          selfPid,
          pollTimeout,
          batchSize,
          cgroupRate,
          cgroupBurst,
          features,
          audit,
          kernelFilter);
    }
  }
}
