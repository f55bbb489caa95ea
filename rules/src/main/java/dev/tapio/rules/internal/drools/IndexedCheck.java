package dev.tapio.rules.internal.drools;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.fields.FieldAccessor;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A test that every event a rule matches passes: {@code field} equals one of {@code values}. These
 * come from the top-level {@code and} of a rule's condition ({@code proc.name in (bash, sh)},
 * {@code evt.is_open_write = true}); the Drools rule base turns them into alpha constraints that it
 * hashes across rules, so an event is tested only by the rules whose values it has. The rule's
 * predicate still tests the whole condition: an indexed check only narrows which rules run.
 *
 * @param field the field as written, with its argument ({@code proc.aname[2]})
 * @param accessor reads the field
 * @param text whether the field is compared as text (string fields): its value's text is the key
 * @param values the values: strings for text fields, {@code Long} or {@code Boolean} otherwise
 */
public record IndexedCheck(
    String field, FieldAccessor accessor, boolean text, List<Object> values) {

  public IndexedCheck {
    values = List.copyOf(values);
  }

  /** The same check against {@code values}. */
  public IndexedCheck withValues(Collection<?> values) {
    return new IndexedCheck(field, accessor, text, List.copyOf(values));
  }

  /** The field's value in {@code event}, as compared with {@code values}; null when missing. */
  public @Nullable Object key(EnrichedEvent event) {
    Object v = accessor.get(event);
    return text && v != null && !(v instanceof String) ? v.toString() : v;
  }

  /** The key's text: what the generated DRL compares, which compares text only. */
  public @Nullable String keyText(EnrichedEvent event) {
    Object v = key(event);
    return v == null ? null : v.toString();
  }
}
