package dev.tapio.sensors.internal.decode;

import dev.tapio.sensors.internal.ffm.Btf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Compares the decoders' {@link RecordLayout}s with the struct layouts in an object's BTF. */
public final class AbiCheck {
  static final String MISSING_STRUCT = "struct %s is not in the object's BTF";
  static final String WRONG_SIZE = "sizeof(struct %s) is %d, the decoder expects %d";
  static final String MISSING_FIELD = "%s.%s is not in the object's BTF";
  static final String WRONG_FIELD =
      "%s.%s is at offset %d size %d, the decoder expects offset %d size %d";

  private AbiCheck() {}

  /**
   * Every difference between {@code layouts} and what {@code btf} says, as messages; empty when
   * they agree. Only structs the object contains are checked when {@code onlyPresent} is set.
   */
  public static List<String> differences(
      List<RecordLayout> layouts, Function<String, Optional<Btf.Struct>> btf, boolean onlyPresent) {
    List<String> out = new ArrayList<>();
    for (RecordLayout layout : layouts) {
      Optional<Btf.Struct> found = btf.apply(layout.struct());
      if (found.isEmpty()) {
        if (!onlyPresent) {
          out.add(MISSING_STRUCT.formatted(layout.struct()));
        }
        continue;
      }
      Btf.Struct struct = found.get();
      if (struct.size() != layout.size()) {
        out.add(WRONG_SIZE.formatted(layout.struct(), struct.size(), layout.size()));
      }
      layout
          .fields()
          .forEach(
              (name, expected) -> {
                Btf.Member member = struct.members().get(name);
                if (member == null) {
                  out.add(MISSING_FIELD.formatted(layout.struct(), name));
                } else if (member.offset() != expected[0] || member.size() != expected[1]) {
                  out.add(
                      WRONG_FIELD.formatted(
                          layout.struct(),
                          name,
                          member.offset(),
                          member.size(),
                          expected[0],
                          expected[1]));
                }
              });
    }
    return out;
  }
}
