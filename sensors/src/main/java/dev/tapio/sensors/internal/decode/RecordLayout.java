package dev.tapio.sensors.internal.decode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a decoder assumes about one struct of {@code bpf/include/events.h}: its size and the offset
 * and size of each field it reads. Checked against the object's BTF when a sensor loads.
 *
 * @param struct the C struct name
 * @param size {@code sizeof} the struct (the fixed part, before variable-length data)
 * @param fields field name to {@code {offset, size}} in bytes
 */
public record RecordLayout(String struct, long size, Map<String, long[]> fields) {
  public RecordLayout {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  static Builder of(String struct, long size) {
    return new Builder(struct, size);
  }

  static final class Builder {
    private final String struct;
    private final long size;
    private final Map<String, long[]> fields = new LinkedHashMap<>();

    private Builder(String struct, long size) {
      this.struct = struct;
      this.size = size;
    }

    Builder field(String name, long offset, long size) {
      fields.put(name, new long[] {offset, size});
      return this;
    }

    RecordLayout build() {
      return new RecordLayout(struct, size, fields);
    }
  }
}
