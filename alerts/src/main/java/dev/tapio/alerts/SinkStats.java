package dev.tapio.alerts;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a sink's counters. Once a sink is idle, {@code accepted == delivered +
 * totalDropped() + pending}: nothing is lost without being counted.
 *
 * @param sink the sink's name
 * @param accepted alerts handed to {@code send}
 * @param delivered alerts the receiver acknowledged (at least once: a retried batch may arrive
 *     twice; receivers drop duplicates by the alert id)
 * @param retried failed delivery attempts that were retried
 * @param spooled alerts written to the on-disk spool
 * @param pending alerts waiting now, in memory or in the spool
 * @param dropped alerts finally given up, by reason
 * @param lastError the last delivery failure, empty when there was none
 */
public record SinkStats(
    String sink,
    long accepted,
    long delivered,
    long retried,
    long spooled,
    long pending,
    Map<DropReason, Long> dropped,
    String lastError) {

  public SinkStats {
    EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
    for (DropReason reason : DropReason.values()) {
      copy.put(reason, dropped.getOrDefault(reason, 0L));
    }
    dropped = java.util.Collections.unmodifiableMap(copy);
  }

  /** How many alerts were dropped for {@code reason}. */
  public long dropped(DropReason reason) {
    return dropped.getOrDefault(reason, 0L);
  }

  /** How many alerts were dropped for any reason. */
  public long totalDropped() {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for status output: {@code otlp: accepted=10 delivered=9 ... dropped=1}. */
  @Override
  public String toString() {
    StringBuilder line =
        new StringBuilder(sink)
            .append(": accepted=")
            .append(accepted)
            .append(" delivered=")
            .append(delivered)
            .append(" retried=")
            .append(retried)
            .append(" spooled=")
            .append(spooled)
            .append(" pending=")
            .append(pending)
            .append(" dropped=")
            .append(totalDropped());
    dropped.forEach(
        (reason, count) -> {
          if (count > 0) {
            line.append(' ').append(reason.metricName()).append('=').append(count);
          }
        });
    if (!lastError.isEmpty()) {
      line.append(" last_error=").append(lastError);
    }
    return line.toString();
  }
}
