/**
 * Correlation rules at run time: the steps, the per-key state each correlation keeps in event time,
 * bounded and expired, and the output that reads every step's event.
 */
@NullMarked
package dev.tapio.rules.internal.correlate;

import org.jspecify.annotations.NullMarked;
