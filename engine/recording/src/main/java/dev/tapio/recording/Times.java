package dev.tapio.recording;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Event times: RFC 3339 text or epoch nanoseconds. */
final class Times {
  /** Where hand-written cases start when they give no time: 2026-01-01T00:00:00Z. */
  static final long BASE = 1_767_225_600_000_000_000L;

  private Times() {}

  static long read(Tree t, String key, long fallback) {
    Tree v = t.get(key);
    if (v.missing()) {
      return fallback;
    }
    if (v.node().isIntegralNumber()) {
      return v.node().asLong();
    }
    try {
      Instant i = Instant.parse(v.node().asText());
      return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    } catch (DateTimeParseException e) {
      throw v.error("expected an RFC 3339 time (2026-01-01T10:00:00Z) or epoch nanoseconds");
    }
  }

  static String format(long epochNanos) {
    return Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
        .toString();
  }
}
