package dev.tapio.alerts;

import java.util.Locale;

/** Why a sink finally gave up on an alert. Every drop is counted under one of these. */
public enum DropReason {
  /** The in-memory queue in front of the exporter was full when the alert arrived. */
  QUEUE_FULL,
  /** Delivery failed after every retry and no spool is configured. */
  RETRIES_EXHAUSTED,
  /** The on-disk spool had reached its size limit. */
  SPOOL_FULL,
  /** The alert waited in the spool longer than its age limit. */
  SPOOL_EXPIRED,
  /** A spool record could not be read back (damaged file). */
  SPOOL_CORRUPT,
  /** The spool could not be written (disk error). */
  SPOOL_WRITE_FAILED,
  /** The alert could not be encoded for this sink. */
  ENCODING_FAILED,
  /** The sink was closed before the alert could be delivered or spooled. */
  SHUTDOWN;

  /** The lower-case name used in metrics ({@code queue_full}). */
  public String metricName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
