package dev.tapio.enrich;

/**
 * Counters of the enricher, for self-metrics.
 *
 * @param processes processes in the table now
 * @param processEvictions processes removed early because the table was full
 * @param cgroupScans scans of the cgroup v2 tree so far
 * @param partialContainers events whose container was known only by id (metadata still pending or
 *     unavailable)
 */
public record EnrichMetrics(
    int processes, long processEvictions, long cgroupScans, long partialContainers) {}
