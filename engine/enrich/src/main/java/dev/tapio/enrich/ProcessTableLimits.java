package dev.tapio.enrich;

import java.time.Duration;

/**
 * Bounds of the process table.
 *
 * @param maxEntries how many processes the table holds at most; past that, exited processes go
 *     first, then the oldest ones, and each one removed early is counted as an eviction
 * @param maxDepth how many processes a lineage holds at most, the process itself included
 * @param exitLinger how long an exited process stays resolvable for events that arrive late
 * @param generations how many programs the table keeps per process, the current one included: an
 *     event read after a later exec of its process is resolved to the program that ran when it
 *     happened; 1 keeps only the current program
 * @param history how long, in event time, a replaced program is kept after its successor began;
 *     past that it goes at the process's next exec or event
 */
public record ProcessTableLimits(
    int maxEntries, int maxDepth, Duration exitLinger, int generations, Duration history) {

  /**
   * 65,536 processes, lineages of 16, exited processes kept for 5 seconds, up to 4 programs per
   * process kept for 5 seconds after they were replaced.
   */
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
    if (generations < 1 || generations > 64) {
      throw new IllegalArgumentException(
          "generations must be between 1 and 64, was " + generations);
    }
    if (history.isNegative()) {
      throw new IllegalArgumentException("history must not be negative, was " + history);
    }
  }

  /** These bounds with up to 4 programs per process, each kept 5 seconds after its successor. */
  public ProcessTableLimits(int maxEntries, int maxDepth, Duration exitLinger) {
    this(maxEntries, maxDepth, exitLinger, 4, Duration.ofSeconds(5));
  }

  /** These bounds with {@code generations} programs per process kept for {@code history}. */
  public ProcessTableLimits withHistory(int generations, Duration history) {
    return new ProcessTableLimits(maxEntries, maxDepth, exitLinger, generations, history);
  }
}
