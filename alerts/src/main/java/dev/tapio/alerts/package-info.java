/**
 * Alert sinks: where alerts leave the node. {@link dev.tapio.alerts.OtlpLogSink} (OTLP logs),
 * {@link dev.tapio.alerts.JsonLinesSink} (Falco's JSON alert shape), {@link
 * dev.tapio.alerts.SyslogSink} (RFC 5424), secret scrubbing ({@link dev.tapio.alerts.Scrubber}) and
 * rate limiting of identical alerts ({@link dev.tapio.alerts.RateLimitingSink}). Every sink queues
 * off the event path, retries, spools to disk when configured and counts what it finally drops
 * ({@link dev.tapio.alerts.SinkStats}).
 */
@NullMarked
package dev.tapio.alerts;

import org.jspecify.annotations.NullMarked;
