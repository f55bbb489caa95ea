package dev.tapio.alerts.internal;

import dev.tapio.api.alert.Alert;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.TreeSet;

/**
 * Formats an alert as one RFC 5424 message: {@code <PRI>1 TIMESTAMP HOSTNAME tapio PROCID alert
 * [tapio@32473 id=".." rule=".." priority=".." source=".." tags=".."] BOM MSG}. PRI combines the
 * facility with the rule priority's syslog severity; the timestamp is the event's time in UTC with
 * microseconds (RFC 5424 allows six fraction digits); MSG is the rendered output, or Falco's JSON
 * shape. A message longer than the limit loses the end of its MSG, never its header.
 *
 * <p>The structured-data id uses 32473, the private enterprise number IANA reserves for examples,
 * until the project has its own.
 */
public final class SyslogFormatter {
  public static final String SD_ID = "tapio@32473";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
          .appendLiteral('Z')
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  private final int facility;
  private final String appName;
  private final String procId;
  private final String hostnameOverride;
  private final boolean json;
  private final int maxBytes;

  public SyslogFormatter(
      int facility, String appName, String hostnameOverride, boolean json, int maxBytes) {
    this.facility = facility;
    this.appName = field(appName, 48);
    this.procId = Long.toString(ProcessHandle.current().pid());
    this.hostnameOverride = hostnameOverride;
    this.json = json;
    this.maxBytes = maxBytes;
  }

  public byte[] format(Alert alert) {
    int pri = facility * 8 + alert.priority().syslogSeverity();
    String host = hostnameOverride.isEmpty() ? alert.hostname() : hostnameOverride;
    StringBuilder header =
        new StringBuilder(256)
            .append('<')
            .append(pri)
            .append(">1 ")
            .append(TIMESTAMP.format(instant(alert.timeNanos())))
            .append(' ')
            .append(field(host, 255))
            .append(' ')
            .append(appName)
            .append(' ')
            .append(procId)
            .append(" alert [")
            .append(SD_ID);
    param(header, "id", alert.id());
    param(header, "rule", alert.rule());
    param(header, "priority", alert.priority().falcoName());
    param(header, "source", alert.source());
    param(header, "tags", String.join(",", new TreeSet<>(alert.tags())));
    header.append("] ");
    byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
    byte[] msg = json ? FalcoJson.encode(alert) : alert.output().getBytes(StandardCharsets.UTF_8);
    int room = Math.max(0, maxBytes - head.length - BOM.length);
    int length = utf8Prefix(msg, room);
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + BOM.length + length);
    out.writeBytes(head);
    out.writeBytes(BOM);
    out.write(msg, 0, length);
    return out.toByteArray();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** The longest prefix of {@code bytes} within {@code room} that does not split a character. */
  static int utf8Prefix(byte[] bytes, int room) {
    if (bytes.length <= room) {
      return bytes.length;
    }
    int end = room;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return end;
  }

  private static void param(StringBuilder sd, String name, String value) {
    sd.append(' ').append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c == ']') {
        sd.append('\\');
      }
      sd.append(c);
    }
    sd.append('"');
  }

  /** A header field: printable US-ASCII without spaces, at most {@code max} long, or "-". */
  static String field(String value, int max) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      out.append(c > 32 && c < 127 ? c : '_');
    }
    return out.isEmpty() ? "-" : out.toString();
  }
}
