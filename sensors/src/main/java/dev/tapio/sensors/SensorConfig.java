package dev.tapio.sensors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SensorSet}.
 *
 * @param ringBufferBytes size of each sensor's ring buffer: a power of two, at least one page
 * @param selfPid the process whose events the kernel drops (the engine itself); 0 filters nothing
 * @param pollTimeout how long the polling thread waits for data before checking for shutdown
 * @param batchSize records drained from one ring buffer before moving to the next
 * @param features the kernel's features, when already probed; else probed at start
 */
public record SensorConfig(
    int ringBufferBytes,
    int selfPid,
    Duration pollTimeout,
    int batchSize,
    @Nullable KernelFeatures features) {
  public static final int DEFAULT_RING_BUFFER_BYTES = 8 * 1024 * 1024;
  static final String BAD_RING =
      "ring buffer size must be a power of two of at least 4096 bytes: %d";
  static final String BAD_BATCH = "batch size must be positive: %d";

  public SensorConfig {
    if (ringBufferBytes < 4096 || Integer.bitCount(ringBufferBytes) != 1) {
      throw new IllegalArgumentException(BAD_RING.formatted(ringBufferBytes));
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException(BAD_BATCH.formatted(batchSize));
    }
  }

  /** Defaults: 8 MiB rings, this process filtered out, 100 ms polls, batches of 512. */
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
    private @Nullable KernelFeatures features;

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

    public Builder features(KernelFeatures probed) {
      this.features = probed;
      return this;
    }

    public SensorConfig build() {
      return new SensorConfig(ringBufferBytes, selfPid, pollTimeout, batchSize, features);
    }
  }
}
