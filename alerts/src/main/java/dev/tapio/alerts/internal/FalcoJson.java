package dev.tapio.alerts.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.api.alert.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Falco's JSON alert shape, keys in Falco's (alphabetical) order: {@code hostname}, {@code output},
 * {@code output_fields} (typed values, {@code null} when a field could not be extracted), {@code
 * priority}, {@code rule}, {@code source}, {@code tags} (sorted), {@code time} (RFC 3339, UTC, nine
 * fraction digits), and {@code uuid} (the alert id, as falcosidekick reads it).
 */
public final class FalcoJson {
  private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

  /** {@code 2026-11-26T09:14:03.123456789Z}. */
  public static final DateTimeFormatter RFC3339_NANOS =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
          .appendLiteral('Z')
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  private FalcoJson() {}

  public static String time(long epochNanos) {
    return RFC3339_NANOS.format(
        Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L)));
  }

  /** The alert as one JSON object, without a line end. */
  public static byte[] encode(Alert alert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("hostname", alert.hostname());
      json.writeStringField("output", alert.output());
      json.writeObjectFieldStart("output_fields");
      for (Map.Entry<String, @Nullable Object> field : alert.outputFields().entrySet()) {
        json.writeFieldName(field.getKey());
        writeValue(json, field.getValue());
      }
      json.writeEndObject();
      json.writeStringField("priority", alert.priority().falcoName());
      json.writeStringField("rule", alert.rule());
      json.writeStringField("source", alert.source());
      json.writeArrayFieldStart("tags");
      for (String tag : new TreeSet<>(alert.tags())) {
        json.writeString(tag);
      }
      json.writeEndArray();
      json.writeStringField("time", time(alert.timeNanos()));
      json.writeStringField("uuid", alert.id());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator json, @Nullable Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String s -> json.writeString(s);
      case Boolean b -> json.writeBoolean(b);
      case Integer i -> json.writeNumber(i);
      case Long l -> json.writeNumber(l);
      case Short s -> json.writeNumber(s);
      case Byte b -> json.writeNumber(b);
      case Double d -> json.writeNumber(d);
      case Float f -> json.writeNumber(f);
      case Number n -> json.writeNumber(n.toString());
      case Collection<?> items -> {
        json.writeStartArray();
        for (Object item : items) {
          writeValue(json, item);
        }
        json.writeEndArray();
      }
      default -> json.writeString(value.toString());
    }
  }
}
