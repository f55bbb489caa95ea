package dev.tapio.rules.internal.trace;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.internal.fields.FieldAccessor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A field a check reads, shown as {@code name = 'value'} in an explanation. */
sealed interface ShownValue {

  /** What a value that cannot be extracted shows as. */
  String MISSING = OutputFormat.NA + ", cannot be extracted";

  String show(EnrichedEvent e);

  /** One field or transformer. */
  record Single(String label, FieldAccessor accessor) implements ShownValue {
    @Override
    public String show(EnrichedEvent e) {
      return label + " = " + quoted(read(accessor, e));
    }
  }

  /**
   * An index-less ancestor field ({@code proc.aname}): the value at each ancestor level the event's
   * lineage has, nearest first.
   */
  @SuppressWarnings("ArrayRecordComponent") // never compared
  record Ancestors(String label, FieldAccessor[] levels) implements ShownValue {
    @Override
    public String show(EnrichedEvent e) {
      int n = Math.min(levels.length, Math.max(0, e.lineage().chain().size() - 1));
      List<String> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add(quoted(read(levels[i], e)));
      }
      return label + " = (" + String.join(", ", values) + ")";
    }
  }

  private static @Nullable Object read(FieldAccessor accessor, EnrichedEvent e) {
    try {
      return accessor.get(e);
    } catch (RuntimeException ex) {
      return null;
    }
  }

  private static String quoted(@Nullable Object v) {
    return v == null ? MISSING : "'" + OutputFormat.text(v) + "'";
  }
}
