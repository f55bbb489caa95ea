package dev.tapio.enrich;

/**
 * Counters of the enricher, for self-metrics.
 *
 * @param processes processes in the table now
 * @param processEvictions processes removed early because the table was full
 * @param cgroupScans scans of the cgroup v2 tree so far
 * @param partialContainers events whose container was known only by id (metadata still pending or
 *     unavailable)
 * @param processHistoryMisses events older than every program the table still keeps for their
 *     process (read later than {@link ProcessTableLimits#history()} after an exec, or after the
 *     process's earlier programs were dropped): they were resolved to the oldest program kept,
 *     which may not be the one that ran
 */
public record EnrichMetrics(
    int processes,
    long processEvictions,
    long cgroupScans,
    long partialContainers,
    long processHistoryMisses) {}
