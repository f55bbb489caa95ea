import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code dev/tapio/sensors/internal/abi/Abi.java}, Java's half of the kernel↔Java ABI, from
 * the BTF of the compiled BPF code, so that {@code bpf/include/events.h} is the one place the ABI
 * is written. BTF rather than the header's text because it is what the compiler laid out and what
 * the kernel loads: padding, array sizes and enum values come out as they really are.
 *
 * <p>Input is {@code bpftool btf dump file maps.o} (bpf/Makefile writes it to {@code
 * $(BUILD)/abi.btf}); everything reachable from {@code union tapio_abi} becomes a declaration: a
 * nested class of offsets per struct, a Java enum per C enum, and both again as data for {@code
 * AbiCheck}. The sensors build runs this file with the single-file source launcher ({@code java
 * AbiGen.java in.btf out-dir}) in generate-sources, so it needs nothing but the JDK.
 */
public final class AbiGen {
  static final String ROOT = "tapio_abi";
  static final String PACKAGE = "dev.tapio.sensors.internal.abi";

  private static final Pattern TYPE = Pattern.compile("^\\[(\\d+)] (\\w+) '([^']*)'(.*)$");
  private static final Pattern MEMBER = Pattern.compile("^\\s+'([^']*)'(.*)$");
  private static final Pattern ATTR = Pattern.compile("(\\w+)=(\\S+?),?(?=\\s|$)");
  private static final Pattern ENUMERATOR = Pattern.compile("TAPIO_([A-Z0-9]+)_([A-Z0-9_]+)");

  /** One BTF type of the dump: kind, name, attributes, and its members or enumerators. */
  record Type(String kind, String name, Map<String, String> attrs, List<Member> members) {
    long attr(String key) {
      String v = attrs.get(key);
      if (v == null) {
        throw new IllegalStateException(kind + " '" + name + "' has no " + key);
      }
      return Long.parseLong(v);
    }
  }

  record Member(String name, Map<String, String> attrs) {}

  private final Map<Integer, Type> types;

  AbiGen(Map<Integer, Type> types) {
    this.types = types;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java AbiGen.java <abi.btf> <source root>");
    }
    Map<Integer, Type> types = parse(Files.readAllLines(Path.of(args[0])));
    String source = new AbiGen(types).generate();
    Path out = Path.of(args[1], PACKAGE.replace('.', '/'), "Abi.java");
    Files.createDirectories(out.getParent());
    // Rewritten only when it changes, so an unchanged ABI does not recompile the module.
    if (!Files.exists(out) || !Files.readString(out).equals(source)) {
      Files.writeString(out, source, StandardCharsets.UTF_8);
    }
  }

  /** The dump's types by id: a header line per type, then one indented line per member. */
  static Map<Integer, Type> parse(List<String> lines) {
    Map<Integer, Type> out = new HashMap<>();
    Type current = null;
    for (String line : lines) {
      Matcher t = TYPE.matcher(line);
      Matcher m = MEMBER.matcher(line);
      if (t.matches()) {
        current = new Type(t.group(2), t.group(3), attrs(t.group(4)), new ArrayList<>());
        out.put(Integer.parseInt(t.group(1)), current);
      } else if (m.matches() && current != null) {
        current.members().add(new Member(m.group(1), attrs(m.group(2))));
      }
    }
    return out;
  }

  private static Map<String, String> attrs(String s) {
    Map<String, String> out = new HashMap<>();
    Matcher a = ATTR.matcher(s);
    while (a.find()) {
      out.put(a.group(1), a.group(2));
    }
    return out;
  }

  String generate() {
    Type root =
        types.values().stream()
            .filter(t -> t.kind().equals("UNION") && t.name().equals(ROOT))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("union " + ROOT + " is not in the BTF"));
    Set<Type> reached = new LinkedHashSet<>();
    for (Member m : root.members()) {
      reach(type(m), reached);
    }
    Emitter e = new Emitter();
    e.header();
    for (Type t : reached) {
      if (t.kind().equals("STRUCT")) {
        structClass(e, t);
      } else {
        javaEnum(e, t);
      }
    }
    structData(e, reached.stream().filter(t -> t.kind().equals("STRUCT")).toList());
    enumData(e, reached.stream().filter(t -> t.kind().equals("ENUM")).toList());
    e.line("}");
    return e.toString();
  }

  /** Adds the named struct or enum behind {@code t} and, for a struct, what its members reach. */
  private void reach(Type t, Set<Type> reached) {
    Type base = strip(t, true);
    if (!base.kind().equals("STRUCT") && !base.kind().equals("ENUM")) {
      return;
    }
    if (!base.name().startsWith("tapio_")) {
      throw new IllegalStateException(
          "union "
              + ROOT
              + " reaches "
              + base.kind().toLowerCase(Locale.ROOT)
              + " '"
              + base.name()
              + "': name every ABI struct and enum tapio_*");
    }
    if (reached.add(base) && base.kind().equals("STRUCT")) {
      for (Member m : base.members()) {
        reach(type(m), reached);
      }
    }
  }

  private Type type(Member m) {
    return types.get(Integer.parseInt(m.attrs().get("type_id")));
  }

  /** Follows typedefs and qualifiers (and array element types when {@code arrays}). */
  private Type strip(Type t, boolean arrays) {
    while (isAlias(t) || (arrays && t.kind().equals("ARRAY"))) {
      t = types.get((int) t.attr("type_id"));
    }
    return t;
  }

  /** A type that only names or qualifies another one. */
  private static boolean isAlias(Type t) {
    return switch (t.kind()) {
      case "TYPEDEF", "CONST", "VOLATILE", "RESTRICT", "TYPE_TAG" -> true;
      default -> false;
    };
  }

  private long size(Type t) {
    return switch (t.kind()) {
      case "INT", "STRUCT", "UNION", "ENUM", "ENUM64" -> t.attr("size");
      case "PTR" -> 8;
      case "ARRAY" -> t.attr("nr_elems") * size(types.get((int) t.attr("type_id")));
      case "TYPEDEF", "CONST", "VOLATILE", "RESTRICT", "TYPE_TAG" -> size(strip(t, false));
      default -> throw new IllegalStateException("no size for " + t.kind() + " '" + t.name() + "'");
    };
  }

  /** The member's type as C spells it, for the doc comments. */
  private String cType(Type t) {
    return switch (t.kind()) {
      case "STRUCT", "UNION", "ENUM" -> t.kind().toLowerCase(Locale.ROOT) + " " + t.name();
      case "ARRAY" -> cType(types.get((int) t.attr("type_id"))) + "[" + t.attr("nr_elems") + "]";
      case "PTR" -> "void *";
      case "CONST", "VOLATILE" -> cType(types.get((int) t.attr("type_id")));
      default -> t.name();
    };
  }

  private void structClass(Emitter e, Type t) {
    String cls = javaName(t.name());
    e.line("");
    e.line(
        "  /** {@code struct %s}: member offsets, each followed by the member's size. */",
        t.name());
    e.line("  public static final class %s {", cls);
    e.line("    private %s() {}", cls);
    e.line("");
    e.line("    /** {@code sizeof(struct %s)}, flexible array excluded. */", t.name());
    e.line("    public static final int SIZEOF = %d;", t.attr("size"));
    for (Member m : t.members()) {
      String constant = m.name().toUpperCase(Locale.ROOT);
      e.line("");
      e.line("    /** {@code %s %s}. */", cType(type(m)), m.name());
      e.line("    public static final int %s = %d;", constant, offset(m));
      e.line("    public static final int %s_SIZE = %d;", constant, size(type(m)));
    }
    e.line("  }");
  }

  private static long offset(Member m) {
    long bits = Long.parseLong(m.attrs().get("bits_offset"));
    if (bits % 8 != 0 || m.attrs().containsKey("bitfield_size")) {
      throw new IllegalStateException("bit field " + m.name() + ": the ABI has whole bytes only");
    }
    return bits / 8;
  }

  private static void javaEnum(Emitter e, Type t) {
    String cls = javaName(t.name());
    String group = null;
    Set<Long> values = new LinkedHashSet<>();
    List<String> constants = new ArrayList<>();
    for (Member m : t.members()) {
      Matcher n = ENUMERATOR.matcher(m.name());
      if (!n.matches() || (group != null && !group.equals(n.group(1)))) {
        throw new IllegalStateException(
            "enum "
                + t.name()
                + ": "
                + m.name()
                + " is not TAPIO_"
                + (group == null ? "<GROUP>" : group)
                + "_<NAME>");
      }
      group = n.group(1);
      long value = Long.parseLong(m.attrs().get("val"));
      if (!values.add(value)) {
        throw new IllegalStateException("enum " + t.name() + ": two enumerators are " + value);
      }
      constants.add(n.group(2) + "(" + value + ")");
    }
    String prefix = "TAPIO_" + group + "_";
    e.line("");
    e.line("  /** {@code enum %s}: the enumerators without {@code %s}. */", t.name(), prefix);
    e.line("  public enum %s {", cls);
    for (int i = 0; i < constants.size(); i++) {
      e.line("    %s%s", constants.get(i), i == constants.size() - 1 ? ";" : ",");
    }
    e.line("");
    e.line("    private final int value;");
    e.line("    private final String label;");
    e.line("");
    e.line("    %s(int value) {", cls);
    e.line("      this.value = value;");
    e.line("      this.label = name().toLowerCase(Locale.ROOT);");
    e.line("    }");
    e.line("");
    e.line("    /** The value in C. */");
    e.line("    public int value() {");
    e.line("      return value;");
    e.line("    }");
    e.line("");
    e.line(
        "    /** The enumerator's name without {@code %s}, in lower case: the name Java shows. */",
        prefix);
    e.line("    public String label() {");
    e.line("      return label;");
    e.line("    }");
    e.line("");
    e.line("    /**");
    e.line("     * The constant whose value is {@code value}.");
    e.line("     *");
    e.line(
        "     * @throws IllegalArgumentException when C defines no such value (a malformed"
            + " record)");
    e.line("     */");
    e.line("    public static %s of(int value) {", cls);
    e.line("      return switch (value) {");
    for (Member m : t.members()) {
      Matcher n = ENUMERATOR.matcher(m.name());
      n.matches();
      e.line("        case %s -> %s;", m.attrs().get("val"), n.group(2));
    }
    e.line("        default ->");
    e.line(
        "            throw new IllegalArgumentException(\"unknown enum %s value \" + value);",
        t.name());
    e.line("      };");
    e.line("    }");
    e.line("  }");
  }

  private void structData(Emitter e, List<Type> structs) {
    e.line("");
    e.line("  /** Every struct above as data, for {@code AbiCheck}. */");
    e.line("  public static final List<StructLayout> STRUCTS =");
    e.line("      List.of(");
    for (int i = 0; i < structs.size(); i++) {
      Type t = structs.get(i);
      e.line("          new StructLayout(");
      e.line("              \"%s\",", t.name());
      e.line("              %d,", t.attr("size"));
      e.line("              List.of(");
      for (int j = 0; j < t.members().size(); j++) {
        Member m = t.members().get(j);
        e.line(
            "                  new StructLayout.Member(\"%s\", %d, %d)%s",
            m.name(), offset(m), size(type(m)), close(j, t.members().size(), i, structs.size()));
      }
    }
  }

  private static void enumData(Emitter e, List<Type> enums) {
    e.line("");
    e.line("  /** Every enum above as data, for {@code AbiCheck}. */");
    e.line("  public static final List<EnumLayout> ENUMS =");
    e.line("      List.of(");
    for (int i = 0; i < enums.size(); i++) {
      Type t = enums.get(i);
      e.line("          new EnumLayout(");
      e.line("              \"%s\",", t.name());
      e.line("              List.of(");
      for (int j = 0; j < t.members().size(); j++) {
        Member m = t.members().get(j);
        e.line(
            "                  new EnumLayout.Constant(\"%s\", %s)%s",
            m.name(), m.attrs().get("val"), close(j, t.members().size(), i, enums.size()));
      }
    }
  }

  /** What ends member {@code j} of type {@code i} in a nested {@code List.of}. */
  private static String close(int j, int members, int i, int types) {
    if (j < members - 1) {
      return ",";
    }
    return i < types - 1 ? "))," : ")));";
  }

  /** {@code tapio_exec_event} → {@code ExecEvent}. */
  static String javaName(String c) {
    StringBuilder out = new StringBuilder();
    for (String word : c.substring("tapio_".length()).split("_")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** Collects the generated source line by line. */
  static final class Emitter {
    private final StringBuilder out = new StringBuilder();

    void line(String format, Object... args) {
      out.append(args.length == 0 ? format : format.formatted(args)).append('\n');
    }

    void header() {
      line(
          "// Generated from the BTF of bpf/lib/maps.c's object by"
              + " sensors/src/build/java/AbiGen.java.");
      line("// Do not edit: change bpf/include/events.h (union tapio_abi) and rebuild.");
      line("package %s;", PACKAGE);
      line("");
      line("import java.util.List;");
      line("import java.util.Locale;");
      line("");
      line("/**");
      line(
          " * The kernel↔Java ABI of {@code bpf/include/events.h}, as the compiler laid it out: per"
              + " struct");
      line(
          " * its size and each member's offset and size, per enum its constants. {@link #STRUCTS}"
              + " and");
      line(
          " * {@link #ENUMS} state the same facts as data, for {@code AbiCheck} to compare with the"
              + " BTF of");
      line(" * an object when it loads.");
      line(" */");
      line("public final class Abi {");
      line("  private Abi() {}");
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
