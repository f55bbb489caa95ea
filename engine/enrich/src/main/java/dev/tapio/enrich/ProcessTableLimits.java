package dev.tapio.enrich;

import java.time.Duration;

/**
 * Bounds of the process table.
 *
 * @param maxEntries how many processes the table holds at most; past that, exited processes go
 *     first, then the oldest ones, and each one removed early is counted as an eviction
 * @param maxDepth how many processes a lineage holds at most, the process itself included
 * @param exitLinger how long an exited process stays resolvable for events that arrive late
 */
public record ProcessTableLimits(int maxEntries, int maxDepth, Duration exitLinger) {

  /** 65,536 processes, lineages of 16, exited processes kept for 5 seconds. */
  public static final ProcessTableLimits DEFAULT =
      new ProcessTableLimits(65_536, 16, Duration.ofSeconds(5));

  public ProcessTableLimits {
    if (maxEntries < 16) {
      throw new IllegalArgumentException("maxEntries must be at least 16, was " + maxEntries);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
    }
    if (exitLinger.isNegative()) {
      throw new IllegalArgumentException("exitLinger must not be negative, was " + exitLinger);
    }
  }
}
