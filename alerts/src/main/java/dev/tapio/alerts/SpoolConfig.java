package dev.tapio.alerts;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how much a sink spools to disk while its receiver is unreachable.
 *
 * @param directory a directory owned by this sink alone (created with mode 0700; files 0600)
 * @param maxBytes the spool's size limit; an alert that would exceed it is dropped as {@link
 *     DropReason#SPOOL_FULL}
 * @param maxAge how long an alert may wait in the spool; older ones are dropped as {@link
 *     DropReason#SPOOL_EXPIRED}
 * @param segmentBytes the size at which a spool file is closed and a new one started
 */
public record SpoolConfig(Path directory, long maxBytes, Duration maxAge, long segmentBytes) {

  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
  public static final long DEFAULT_SEGMENT_BYTES = 4L * 1024 * 1024;

  public SpoolConfig {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("spool maxBytes must be positive: " + maxBytes);
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("spool maxAge must be positive: " + maxAge);
    }
    if (segmentBytes <= 0) {
      throw new IllegalArgumentException("spool segmentBytes must be positive: " + segmentBytes);
    }
  }

  /** A spool in {@code directory} with the default limits (256 MiB, 24 h). */
  public static SpoolConfig at(Path directory) {
    return new SpoolConfig(directory, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE, DEFAULT_SEGMENT_BYTES);
  }

  public SpoolConfig withMaxBytes(long bytes) {
    return new SpoolConfig(directory, bytes, maxAge, Math.min(segmentBytes, bytes));
  }

  public SpoolConfig withMaxAge(Duration age) {
    return new SpoolConfig(directory, maxBytes, age, segmentBytes);
  }

  public SpoolConfig withSegmentBytes(long bytes) {
    return new SpoolConfig(directory, maxBytes, maxAge, bytes);
  }
}
