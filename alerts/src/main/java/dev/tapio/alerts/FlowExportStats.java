package dev.tapio.alerts;

/**
 * What a flow exporter did since it started.
 *
 * @param reports intervals handed to it
 * @param flowsExported flow records the receiver accepted
 * @param flowsDropped flow records given up after the retries failed
 * @param failedExports export attempts that failed (each retry counts)
 */
public record FlowExportStats(
    long reports, long flowsExported, long flowsDropped, long failedExports) {}
