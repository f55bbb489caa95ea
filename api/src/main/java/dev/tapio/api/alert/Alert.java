package dev.tapio.api.alert;

import dev.tapio.api.context.EnrichedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule matched an event.
 *
 * @param id unique id of this alert; a sink that delivers at least once lets receivers drop
 *     duplicates by it
 * @param rule the rule's name
 * @param priority the rule's priority
 * @param output the rendered rule output
 * @param outputFields every {@code %field} of the output by its Falco name (e.g. {@code
 *     proc.aname[2]}); a value that could not be extracted is {@code null}
 * @param tags the rule's tags
 * @param source the rule source, {@code syscall} for kernel events
 * @param timeNanos time of the triggering event, epoch nanoseconds
 * @param event the triggering event with its enrichment
 */
public record Alert(
    String id,
    String rule,
    Priority priority,
    String output,
    Map<String, @Nullable Object> outputFields,
    Set<String> tags,
    String source,
    long timeNanos,
    EnrichedEvent event) {

  // Written out (not compact) so the parameter keeps its nullness annotation in the class file.
  public Alert(
      String id,
      String rule,
      Priority priority,
      String output,
      Map<String, @Nullable Object> outputFields,
      Set<String> tags,
      String source,
      long timeNanos,
      EnrichedEvent event) {
    this.id = id;
    this.rule = rule;
    this.priority = priority;
    this.output = output;
    this.outputFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputFields));
    this.tags = Set.copyOf(tags);
    this.source = source;
    this.timeNanos = timeNanos;
    this.event = event;
  }

  public String hostname() {
    return event.hostname();
  }

  /** The same alert under another id. */
  public Alert withId(String id) {
    return new Alert(id, rule, priority, output, outputFields, tags, source, timeNanos, event);
  }

  /** The same alert with {@code output} rendered and {@code outputFields} extracted anew. */
  public Alert withOutput(String output, Map<String, @Nullable Object> outputFields) {
    return new Alert(id, rule, priority, output, outputFields, tags, source, timeNanos, event);
  }

  /** The same alert with other output fields, its rendered output unchanged. */
  public Alert withOutputFields(Map<String, @Nullable Object> outputFields) {
    return withOutput(output, outputFields);
  }

  /** The same alert about {@code event} (its enrichment completed or scrubbed). */
  public Alert withEvent(EnrichedEvent event) {
    return new Alert(id, rule, priority, output, outputFields, tags, source, timeNanos, event);
  }
}
