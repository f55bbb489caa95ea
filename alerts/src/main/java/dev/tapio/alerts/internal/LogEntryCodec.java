package dev.tapio.alerts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.api.alert.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes alerts as {@link LogEntry} values and spools them as JSON. */
public final class LogEntryCodec implements Codec<LogEntry> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OtlpMapper mapper;

  public LogEntryCodec(OtlpMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public LogEntry encode(Alert alert) {
    return mapper.map(alert);
  }

  @Override
  public byte[] toBytes(LogEntry encoded) {
    try {
      return JSON.writeValueAsBytes(encoded);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public LogEntry fromBytes(byte[] bytes) {
    try {
      return JSON.readValue(bytes, LogEntry.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
