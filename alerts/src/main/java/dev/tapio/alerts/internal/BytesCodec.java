package dev.tapio.alerts.internal;

import dev.tapio.api.alert.Alert;
import java.util.function.Function;

/** A codec whose encoded form is already the bytes to send and to spool. */
public record BytesCodec(Function<Alert, byte[]> encoder) implements Codec<byte[]> {

  @Override
  public byte[] encode(Alert alert) {
    return encoder.apply(alert);
  }

  @Override
  public byte[] toBytes(byte[] encoded) {
    return encoded;
  }

  @Override
  public byte[] fromBytes(byte[] bytes) {
    return bytes;
  }
}
