/**
 * The engine's own metrics, in one Prometheus registry: read from the counters the stages already
 * keep (pipeline, sensors, alert sinks) at scrape time, so nothing is counted twice.
 */
@NullMarked
package dev.tapio.app.metrics;

import org.jspecify.annotations.NullMarked;
