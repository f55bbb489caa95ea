package dev.tapio.app.reload;

import org.jspecify.annotations.Nullable;

/**
 * What the metrics show of reloads.
 *
 * @param succeeded reloads that swapped in new rules
 * @param failed reloads whose files did not load (the previous rules stayed live)
 * @param lastEpochSeconds when the last reload was tried (start-up's load, until one is); seconds
 * @param lastSucceeded whether it swapped in new rules
 * @param lastError why it did not, or null
 */
public record ReloadStats(
    long succeeded,
    long failed,
    double lastEpochSeconds,
    boolean lastSucceeded,
    @Nullable String lastError) {}
