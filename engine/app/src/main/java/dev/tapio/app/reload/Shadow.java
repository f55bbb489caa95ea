package dev.tapio.app.reload;

import dev.tapio.api.alert.Alert;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a shadow rule's alert is told apart: one more output field, {@value #FIELD}{@code = true},
 * which the JSON sink writes into {@code output_fields} and the OTLP sink as a log attribute, like
 * every output field. Receivers route or drop on it; live alerts never carry it.
 */
public final class Shadow {
  public static final String FIELD = "tapio.shadow";

  private Shadow() {}

  /** {@code alert} marked as a shadow rule's. */
  public static Alert mark(Alert alert) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(alert.outputFields());
    fields.put(FIELD, Boolean.TRUE);
    return alert.withOutputFields(fields);
  }

  /** Whether {@code alert} is a shadow rule's. */
  public static boolean isShadow(Alert alert) {
    return Boolean.TRUE.equals(alert.outputFields().get(FIELD));
  }
}
