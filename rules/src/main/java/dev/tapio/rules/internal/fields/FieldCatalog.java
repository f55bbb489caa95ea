package dev.tapio.rules.internal.fields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every Falco field Tapio extracts for the {@code syscall} source. {@code evt.arg.<name>} and
 * {@code evt.rawarg.<name>} are families: any parameter name is accepted and read by name.
 */
public final class FieldCatalog {

  private static final FieldCatalog SYSCALL = new FieldCatalog();

  /**
   * Fields that in a filter compare either end of a connection: {@code fd.ip = X} is true when the
   * client or the server address is X.
   */
  public static final Map<String, List<String>> EITHER_END =
      Map.of(
          "fd.ip", List.of("fd.cip", "fd.sip"),
          "fd.net", List.of("fd.cnet", "fd.snet"),
          "fd.port", List.of("fd.cport", "fd.sport"),
          "fd.proto", List.of("fd.cproto", "fd.sproto"));

  private final Map<String, FieldDef> fields;

  private FieldCatalog() {
    List<FieldDef> all = new ArrayList<>();
    EventFields.register(all);
    ProcessFields.register(all);
    FdFields.register(all);
    StdioFields.register(all);
    ContainerFields.register(all);
    PrivilegeFields.register(all);
    SecurityFields.register(all);
    NetpolFields.register(all);
    DropFields.register(all);
    Map<String, FieldDef> m = new TreeMap<>();
    for (FieldDef f : all) {
      if (m.put(f.name(), f) != null) {
        throw new IllegalStateException("field defined twice: " + f.name());
      }
    }
    fields = Collections.unmodifiableMap(m);
  }

  /** The catalog of the {@code syscall} source. */
  public static FieldCatalog syscall() {
    return SYSCALL;
  }

  /** The field named {@code name} (without argument), if known. */
  public Optional<FieldDef> lookup(String name) {
    FieldDef f = fields.get(name);
    if (f != null) {
      return Optional.of(f);
    }
    if (name.startsWith("evt.arg.") && name.length() > "evt.arg.".length()) {
      String param = name.substring("evt.arg.".length());
      return Optional.of(
          FieldDef.simple(
              name, FieldType.STRING, "parameter " + param, e -> EventArgs.get(e.event(), param)));
    }
    if (name.startsWith("evt.rawarg.") && name.length() > "evt.rawarg.".length()) {
      String param = name.substring("evt.rawarg.".length());
      return Optional.of(
          FieldDef.simple(
              name,
              FieldType.NUMBER,
              "raw numeric parameter " + param,
              e -> {
                String v = EventArgs.get(e.event(), param);
                try {
                  return v == null ? null : Long.decode(v);
                } catch (NumberFormatException x) {
                  return null;
                }
              }));
    }
    return Optional.empty();
  }

  public Collection<FieldDef> all() {
    return fields.values();
  }
}
