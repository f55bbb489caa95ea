package dev.tapio.app.pipeline;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.app.config.AppendOutput;
import dev.tapio.rules.OutputFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@code append_output} to rendered alerts: for each entry whose match takes the alert's
 * rule, its extra output is appended to the text (with its fields among the output fields) and its
 * extra fields are added. A field the rule's own output names keeps the rule's value. Everything is
 * compiled once, when the engine starts.
 */
public final class OutputAppender implements UnaryOperator<Alert> {
  private record Compiled(
      AppendOutput spec, @Nullable OutputFormat text, Map<String, OutputFormat> fields) {}

  private final List<Compiled> entries;

  private OutputAppender(List<Compiled> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The appender of {@code specs}, each already checked by the configuration loader. */
  public static OutputAppender of(List<AppendOutput> specs) {
    return new OutputAppender(
        specs.stream()
            .map(
                s -> {
                  Map<String, OutputFormat> fields = new LinkedHashMap<>();
                  s.extraFields().forEach((name, f) -> fields.put(name, OutputFormat.compile(f)));
                  OutputFormat text =
                      s.extraOutput().isBlank() ? null : OutputFormat.compile(s.extraOutput());
                  return new Compiled(s, text, fields);
                })
            .toList());
  }

  /** Appends nothing. */
  public static OutputAppender none() {
    return new OutputAppender(List.of());
  }

  @Override
  public Alert apply(Alert alert) {
    String output = alert.output();
    Map<String, @Nullable Object> fields = null;
    EnrichedEvent event = alert.event();
    for (Compiled c : entries) {
      if (!c.spec().matches(alert.source(), alert.tags(), alert.rule())) {
        continue;
      }
      if (fields == null) {
        fields = new LinkedHashMap<>(alert.outputFields());
      }
      OutputFormat text = c.text();
      if (text != null) {
        output = output + " " + text.render(event);
        text.fields(event).forEach(fields::putIfAbsent);
      }
      for (var f : c.fields().entrySet()) {
        Map<String, @Nullable Object> typed = f.getValue().fields(event);
        Object value =
            typed.size() == 1 && f.getValue().parts().size() == 1
                ? typed.values().iterator().next()
                : f.getValue().render(event);
        fields.putIfAbsent(f.getKey(), value);
      }
    }
    if (fields == null) {
      return alert;
    }
    return new Alert(
        alert.id(),
        alert.rule(),
        alert.priority(),
        output,
        fields,
        alert.tags(),
        alert.source(),
        alert.timeNanos(),
        event);
  }
}
