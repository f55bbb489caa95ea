package dev.tapio.alerts;

import dev.tapio.alerts.internal.BytesCodec;
import dev.tapio.alerts.internal.DeliveryQueue;
import dev.tapio.alerts.internal.FalcoJson;
import dev.tapio.alerts.internal.StreamTransport;
import dev.tapio.api.alert.Alert;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes one JSON object per line in Falco's JSON alert shape, so tools that read Falco's output
 * (falcosidekick and friends) take Tapio's unchanged:
 *
 * <pre>{@code
 * {"hostname":"node-1","output":"...","output_fields":{"proc.name":"bash","fd.name":null},
 *  "priority":"Warning","rule":"Terminal shell in container","source":"syscall",
 *  "tags":["T1059","container","shell"],"time":"2026-11-26T09:14:03.123456789Z","uuid":"..."}
 * }</pre>
 *
 * Writing happens on the sink's own thread; {@link #send} only queues.
 */
public final class JsonLinesSink extends QueuedSink<byte[]> {

  private JsonLinesSink(String name, OutputStream out, boolean closeStream, DeliveryPolicy policy) {
    super(
        name,
        new DeliveryQueue<>(
            name,
            policy,
            new BytesCodec(FalcoJson::encode),
            new StreamTransport(out, closeStream)));
  }

  /** Alerts to standard output. */
  public static JsonLinesSink stdout() {
    return new JsonLinesSink("json", System.out, false, DeliveryPolicy.defaults());
  }

  /** Alerts appended to {@code file}, created with mode 0600 when missing. */
  public static JsonLinesSink file(Path file) {
    return file(file, DeliveryPolicy.defaults());
  }

  /** Alerts appended to {@code file}, created with mode 0600 when missing. */
  public static JsonLinesSink file(Path file, DeliveryPolicy policy) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      return new JsonLinesSink("json", new FileOutputStream(file.toFile(), true), true, policy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the alert file " + file, e);
    }
  }

  /** Alerts to any stream; the stream is flushed after every batch but never closed. */
  public static JsonLinesSink to(OutputStream out, DeliveryPolicy policy) {
    return new JsonLinesSink("json", out, false, policy);
  }

  /** One alert in Falco's JSON shape, without a line end. */
  public static String format(Alert alert) {
    return new String(FalcoJson.encode(alert), java.nio.charset.StandardCharsets.UTF_8);
  }
}
