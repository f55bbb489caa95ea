package dev.tapio.app.config;

import dev.tapio.rules.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry of Falco's {@code append_output}, written as in {@code falco.yaml}: for the rules that
 * match (by {@code source}, by {@code tags} — all of them —, by {@code rule} name; an empty match
 * takes every rule), {@code extra_output} is appended to the alert's output text (its fields also
 * become output fields) and {@code extra_fields} are added to the output fields only: a field name,
 * or {@code {name: "format"}} for a value rendered from a format.
 */
public record AppendOutput(
    @Nullable String source,
    List<String> tags,
    @Nullable String rule,
    String extraOutput,
    Map<String, String> extraFields) {

  public AppendOutput {
    tags = List.copyOf(tags);
    extraFields = Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
  }

  /**
   * The default: every syscall alert names its container (id, name, image) and pod (name,
   * namespace), which Falco's own rule files mostly leave to this setting.
   */
  public static final List<AppendOutput> DEFAULT =
      List.of(
          new AppendOutput(
              "syscall",
              List.of(),
              null,
              "container_id=%container.id container_name=%container.name"
                  + " container_image=%container.image k8s_ns=%k8s.ns.name k8s_pod=%k8s.pod.name",
              Map.of()));

  /** Whether this entry applies to a rule of {@code ruleSource} with {@code ruleTags}. */
  public boolean matches(String ruleSource, Set<String> ruleTags, String ruleName) {
    return (source == null || source.equals(ruleSource))
        && ruleTags.containsAll(tags)
        && (rule == null || rule.equals(ruleName));
  }

  /** The value type of {@code append_output}: a list of entries, each checked as it compiles. */
  static final ValueType<List<AppendOutput>> TYPE =
      new ValueType<>() {
        @Override
        public String expected() {
          return "a list of append_output entries (match, extra_output, extra_fields) with known"
              + " fields";
        }

        @Override
        public List<AppendOutput> fromNode(YamlNode node, Path base) throws BadValue {
          if (!(node instanceof YamlNode.Sequence seq)) {
            throw new BadValue(node.describe());
          }
          List<AppendOutput> out = new ArrayList<>();
          for (YamlNode item : seq.items()) {
            out.add(entry(item));
          }
          return List.copyOf(out);
        }

        @Override
        public List<AppendOutput> fromText(String text) throws BadValue {
          List<ConfigProblem> problems = new ArrayList<>();
          YamlNode node = YamlReader.read("value", text, problems);
          if (!problems.isEmpty()) {
            throw new BadValue("'" + text + "'");
          }
          return fromNode(node, Path.of(""));
        }

        @Override
        public Object toYaml(List<AppendOutput> value) {
          return value.stream().map(AppendOutput::yaml).toList();
        }
      };

  private Map<String, Object> yaml() {
    Map<String, Object> match = new LinkedHashMap<>();
    if (source != null) {
      match.put("source", source);
    }
    if (!tags.isEmpty()) {
      match.put("tags", tags);
    }
    if (rule != null) {
      match.put("rule", rule);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("match", match);
    out.put("extra_output", extraOutput);
    if (!extraFields.isEmpty()) {
      List<Object> fields = new ArrayList<>();
      extraFields.forEach(
          (name, format) -> fields.add(format.equals("%" + name) ? name : Map.of(name, format)));
      out.put("extra_fields", fields);
    }
    return out;
  }

  private static AppendOutput entry(YamlNode node) throws ValueType.BadValue {
    if (!(node instanceof YamlNode.Mapping map)) {
      throw new ValueType.BadValue(node.describe() + " as an entry");
    }
    String source = null;
    List<String> tags = List.of();
    String rule = null;
    String extraOutput = "";
    Map<String, String> extraFields = new LinkedHashMap<>();
    for (YamlNode.Entry e : map.entries()) {
      switch (e.key()) {
        case "match" -> {
          if (!(e.value() instanceof YamlNode.Mapping m)) {
            throw new ValueType.BadValue("match " + e.value().describe());
          }
          for (YamlNode.Entry c : m.entries()) {
            switch (c.key()) {
              case "source" -> source = text(c.value());
              case "rule" -> rule = text(c.value());
              case "tags" -> tags = texts(c.value());
              default -> throw new ValueType.BadValue("match key '" + c.key() + "'");
            }
          }
        }
        case "extra_output" -> extraOutput = checked(text(e.value()));
        case "extra_fields" -> {
          if (!(e.value() instanceof YamlNode.Sequence s)) {
            throw new ValueType.BadValue("extra_fields " + e.value().describe());
          }
          for (YamlNode f : s.items()) {
            if (f instanceof YamlNode.Mapping named && named.entries().size() == 1) {
              YamlNode.Entry only = named.entries().getFirst();
              extraFields.put(only.key(), checked(text(only.value())));
            } else {
              String field = text(f);
              extraFields.put(field, checked("%" + field));
            }
          }
        }
        default -> throw new ValueType.BadValue("key '" + e.key() + "'");
      }
    }
    return new AppendOutput(source, tags, rule, extraOutput, extraFields);
  }

  private static String checked(String format) throws ValueType.BadValue {
    try {
      OutputFormat.compile(format);
      return format;
    } catch (IllegalArgumentException e) {
      throw new ValueType.BadValue("'" + format + "' (" + e.getMessage() + ")");
    }
  }

  private static String text(YamlNode node) throws ValueType.BadValue {
    if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL) {
      return s.text();
    }
    throw new ValueType.BadValue(node.describe());
  }

  private static List<String> texts(YamlNode node) throws ValueType.BadValue {
    if (!(node instanceof YamlNode.Sequence seq)) {
      throw new ValueType.BadValue("tags " + node.describe());
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      out.add(text(item));
    }
    return out;
  }
}
