package dev.tapio.enrich.internal.proc;

import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import org.jspecify.annotations.Nullable;

/**
 * One program of a process in the {@link ProcessTable}: what an exec or a fork made it (or procfs
 * showed), from which event time on, with the generation it replaced kept behind it for events read
 * late, and the lineage and user resolved for it. The table's map holds each process's latest
 * generation; only the table's lock adds generations, and unlinking an old one ({@link #at}, {@link
 * #trim}) only ever sets a link to null, so lookups need no lock.
 */
final class Generation {
  /** The beginning of a generation read from procfs: before any event. */
  static final long FOREVER = Long.MIN_VALUE;

  /** The time of a lookup of the latest programs, which says nothing about late events. */
  static final long NOW = Long.MAX_VALUE;

  final ProcessInfo info;
  final long sequence;
  final long since; // event time of the exec or fork that began it; FOREVER when read from procfs
  final long cgroupId; // the cgroup its exec or fork event ran in; 0 when read from procfs
  final int execId; // the task's exec count in this program; EventHeader.NO_EXEC_ID if unknown
  volatile @Nullable Generation previous;
  volatile long exitedAt; // clock time of the exit, 0 while alive
  volatile @Nullable UserInfo user;
  volatile long userVersion = -1;
  volatile @Nullable Lineage lineage;
  volatile long lineageVersion = -1;
  // the cached lineage holds for events from this time on (its newest generation's beginning)
  volatile long lineageFrom;

  Generation(ProcessInfo info, long sequence, long since, long cgroupId, int execId) {
    this.info = info;
    this.sequence = sequence;
    this.since = since;
    this.cgroupId = cgroupId;
    this.execId = execId;
  }

  /**
   * The generation current at {@code time}, this one or one it replaced, else the oldest kept. An
   * event more than {@code historyNanos} after this generation began shows that the programs before
   * it are no longer needed: they are dropped.
   */
  Generation at(long time, long historyNanos) {
    if (time >= since) {
      if (previous != null && time != NOW && time - since > historyNanos) {
        previous = null;
      }
      return this;
    }
    Generation g = this;
    for (Generation p = g.previous; p != null && time < g.since; p = g.previous) {
      g = p;
    }
    return g;
  }

  /**
   * Keeps at most {@code generations} programs, this one included, and none replaced more than
   * {@code historyNanos} before this one began.
   */
  void trim(int generations, long historyNanos) {
    Generation kept = this;
    for (int count = 1; ; count++) {
      Generation older = kept.previous;
      if (older == null) {
        return;
      }
      if (count >= generations || since - kept.since > historyNanos) {
        kept.previous = null;
        return;
      }
      kept = older;
    }
  }
}
