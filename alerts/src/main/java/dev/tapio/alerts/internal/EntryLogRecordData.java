package dev.tapio.alerts.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.List;
import java.util.Map;

/** A {@link LogEntry} as the OTLP exporters take it. */
final class EntryLogRecordData implements LogRecordData {
  private static final Severity[] BY_NUMBER = new Severity[25];

  static {
    for (Severity severity : Severity.values()) {
      BY_NUMBER[severity.getSeverityNumber()] = severity;
    }
  }

  private final LogEntry entry;
  private final Resource resource;
  private final InstrumentationScopeInfo scope;
  private final Attributes attributes;

  EntryLogRecordData(LogEntry entry, Resource resource, InstrumentationScopeInfo scope) {
    this.entry = entry;
    this.resource = resource;
    this.scope = scope;
    this.attributes = toAttributes(entry.attributes());
  }

  @SuppressWarnings("unchecked")
  static Attributes toAttributes(Map<String, Object> values) {
    AttributesBuilder builder = Attributes.builder();
    values.forEach(
        (key, raw) -> {
          switch (LogEntry.normalize(raw)) {
            case String s -> builder.put(AttributeKey.stringKey(key), s);
            case Long l -> builder.put(AttributeKey.longKey(key), l);
            case Double d -> builder.put(AttributeKey.doubleKey(key), d);
            case Boolean b -> builder.put(AttributeKey.booleanKey(key), b);
            case List<?> list -> builder.put(AttributeKey.stringArrayKey(key), (List<String>) list);
            case Object other -> builder.put(AttributeKey.stringKey(key), other.toString());
          }
        });
    return builder.build();
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return scope;
  }

  @Override
  public long getTimestampEpochNanos() {
    return entry.timeNanos();
  }

  @Override
  public long getObservedTimestampEpochNanos() {
    return entry.observedNanos();
  }

  @Override
  public SpanContext getSpanContext() {
    if (entry.traceId().isEmpty() || entry.spanId().isEmpty()) {
      return SpanContext.getInvalid();
    }
    return SpanContext.create(
        entry.traceId(),
        entry.spanId(),
        io.opentelemetry.api.trace.TraceFlags.getDefault(),
        io.opentelemetry.api.trace.TraceState.getDefault());
  }

  @Override
  public Severity getSeverity() {
    int number = entry.severityNumber();
    Severity severity = number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    return severity == null ? Severity.UNDEFINED_SEVERITY_NUMBER : severity;
  }

  @Override
  public String getSeverityText() {
    return entry.severityText();
  }

  @Override
  @SuppressWarnings("deprecation")
  public io.opentelemetry.sdk.logs.data.Body getBody() {
    return io.opentelemetry.sdk.logs.data.Body.string(entry.body());
  }

  @Override
  public Value<?> getBodyValue() {
    return Value.of(entry.body());
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public int getTotalAttributeCount() {
    return attributes.size();
  }

  @Override
  public String getEventName() {
    return entry.eventName();
  }
}
