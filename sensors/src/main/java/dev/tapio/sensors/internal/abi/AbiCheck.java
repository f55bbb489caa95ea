package dev.tapio.sensors.internal.abi;

import dev.tapio.sensors.internal.ffm.Btf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares what the Java side was generated from ({@link Abi#STRUCTS}, {@link Abi#ENUMS}) with the
 * BTF of an object about to load: struct and member names, offsets, sizes, enumerator names and
 * values, both ways. Generation and objects come from one build, so they differ only when the jar's
 * classes and an object come from different builds; then every offset a decoder reads may be wrong,
 * and the sensor must refuse to start rather than report garbage.
 */
public final class AbiCheck {
  static final String MISSING_STRUCT = "struct %s is not in the object's BTF";
  static final String WRONG_SIZE = "sizeof(struct %s) is %d, the decoder expects %d";
  static final String MISSING_FIELD = "%s.%s is not in the object's BTF";
  static final String EXTRA_FIELD = "%s.%s is in the object's BTF but not in the decoder's ABI";
  static final String WRONG_FIELD =
      "%s.%s is at offset %d size %d, the decoder expects offset %d size %d";
  static final String MISSING_ENUM = "enum %s is not in the object's BTF";
  static final String MISSING_CONSTANT = "%s (enum %s) is not in the object's BTF";
  static final String EXTRA_CONSTANT =
      "%s = %d (enum %s) is in the object's BTF but not in the decoder's ABI";
  static final String WRONG_CONSTANT = "%s is %d, the decoder expects %d";

  private AbiCheck() {}

  /** Every difference between the generated ABI and {@code btf}; empty when they agree. */
  public static List<String> differences(Btf btf) {
    return differences(Abi.STRUCTS, Abi.ENUMS, btf::struct, btf::enumeration);
  }

  /** Every difference between {@code structs} and {@code enums} and what the BTF lookups say. */
  public static List<String> differences(
      List<StructLayout> structs,
      List<EnumLayout> enums,
      Function<String, Optional<Btf.Struct>> btfStructs,
      Function<String, Optional<Btf.Enum>> btfEnums) {
    List<String> out = new ArrayList<>();
    for (StructLayout expected : structs) {
      btfStructs
          .apply(expected.name())
          .ifPresentOrElse(
              actual -> compare(expected, actual, out),
              () -> out.add(MISSING_STRUCT.formatted(expected.name())));
    }
    for (EnumLayout expected : enums) {
      btfEnums
          .apply(expected.name())
          .ifPresentOrElse(
              actual -> compare(expected, actual, out),
              () -> out.add(MISSING_ENUM.formatted(expected.name())));
    }
    return out;
  }

  private static void compare(StructLayout expected, Btf.Struct actual, List<String> out) {
    String s = expected.name();
    if (actual.size() != expected.size()) {
      out.add(WRONG_SIZE.formatted(s, actual.size(), expected.size()));
    }
    for (StructLayout.Member m : expected.members()) {
      Btf.Member found = actual.members().get(m.name());
      if (found == null) {
        out.add(MISSING_FIELD.formatted(s, m.name()));
      } else if (found.offset() != m.offset() || found.size() != m.size()) {
        out.add(
            WRONG_FIELD.formatted(s, m.name(), found.offset(), found.size(), m.offset(), m.size()));
      }
    }
    List<String> known = expected.members().stream().map(StructLayout.Member::name).toList();
    for (String name : actual.members().keySet()) {
      if (!known.contains(name)) {
        out.add(EXTRA_FIELD.formatted(s, name));
      }
    }
  }

  private static void compare(EnumLayout expected, Btf.Enum actual, List<String> out) {
    Map<String, Long> values = actual.constants();
    for (EnumLayout.Constant c : expected.constants()) {
      Long found = values.get(c.name());
      if (found == null) {
        out.add(MISSING_CONSTANT.formatted(c.name(), expected.name()));
      } else if (found != c.value()) {
        out.add(WRONG_CONSTANT.formatted(c.name(), found, c.value()));
      }
    }
    List<String> known = expected.constants().stream().map(EnumLayout.Constant::name).toList();
    values.forEach(
        (name, value) -> {
          if (!known.contains(name)) {
            out.add(EXTRA_CONSTANT.formatted(name, value, expected.name()));
          }
        });
  }
}
