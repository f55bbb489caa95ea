package dev.tapio.api.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * Falco's rule priorities, most severe first, with the one mapping to numbers that every part of
 * Tapio uses: syslog severity ({@link #syslogSeverity()}) and OpenTelemetry log severity ({@link
 * #otelSeverityNumber()}, {@link #otelSeverityText()}).
 */
public enum Priority {
  EMERGENCY("Emergency", 0, 24, "FATAL4"),
  ALERT("Alert", 1, 23, "FATAL3"),
  CRITICAL("Critical", 2, 21, "FATAL"),
  ERROR("Error", 3, 17, "ERROR"),
  WARNING("Warning", 4, 13, "WARN"),
  NOTICE("Notice", 5, 10, "INFO2"),
  INFORMATIONAL("Informational", 6, 9, "INFO"),
  DEBUG("Debug", 7, 5, "DEBUG");

  private final String falcoName;
  private final int syslogSeverity;
  private final int otelSeverityNumber;
  private final String otelSeverityText;

  Priority(String falcoName, int syslogSeverity, int otelSeverityNumber, String otelSeverityText) {
    this.falcoName = falcoName;
    this.syslogSeverity = syslogSeverity;
    this.otelSeverityNumber = otelSeverityNumber;
    this.otelSeverityText = otelSeverityText;
  }

  /** The spelling Falco prints ({@code Warning}, {@code Critical}, ...). */
  public String falcoName() {
    return falcoName;
  }

  /** RFC 5424 severity: 0 (emergency) to 7 (debug). */
  public int syslogSeverity() {
    return syslogSeverity;
  }

  /** OpenTelemetry {@code SeverityNumber} (1-24). */
  public int otelSeverityNumber() {
    return otelSeverityNumber;
  }

  /** OpenTelemetry short severity name for {@link #otelSeverityNumber()}. */
  public String otelSeverityText() {
    return otelSeverityText;
  }

  /** Whether this priority is at least as severe as {@code other}. */
  public boolean atLeast(Priority other) {
    return ordinal() <= other.ordinal();
  }

  /**
   * Parses a priority as rule files spell it: case-insensitive, {@code Info} accepted for
   * Informational.
   */
  public static Optional<Priority> parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    if (key.equals("info")) {
      return Optional.of(INFORMATIONAL);
    }
    for (Priority p : values()) {
      if (p.falcoName.toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
