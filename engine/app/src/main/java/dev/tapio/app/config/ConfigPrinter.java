package dev.tapio.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration as YAML, every setting included, each followed by its origin when it
 * is not the default. The output loads again as a configuration file (secrets aside: they print as
 * {@value #HIDDEN}).
 */
public final class ConfigPrinter {
  static final String HIDDEN = "(hidden)";
  static final String HEADER =
      "# The configuration in effect. A value set by the file, the environment or a flag is"
          + " followed by where it came from.\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigPrinter() {}

  public static String yaml(EffectiveConfig config) {
    StringBuilder out = new StringBuilder(HEADER);
    List<String> open = new ArrayList<>();
    for (Map.Entry<Setting<?>, EffectiveConfig.Resolved> e : config.all().entrySet()) {
      List<String> parts = List.of(e.getKey().path().split("\\."));
      List<String> sections = parts.subList(0, parts.size() - 1);
      int common = 0;
      while (common < open.size()
          && common < sections.size()
          && open.get(common).equals(sections.get(common))) {
        common++;
      }
      for (int i = common; i < sections.size(); i++) {
        out.append("  ".repeat(i)).append(sections.get(i)).append(":\n");
      }
      open = sections;
      out.append("  ".repeat(sections.size()))
          .append(parts.getLast())
          .append(": ")
          .append(render(e.getKey(), e.getValue().value()));
      if (e.getValue().origin().source() != Origin.Source.DEFAULT) {
        out.append("  # ").append(e.getValue().origin());
      }
      out.append('\n');
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked") // the value was typed by this setting
  private static <T> String render(
      Setting<T> setting, @org.jspecify.annotations.Nullable Object value) {
    if (value == null) {
      return "null";
    }
    Object yaml = setting.type().toYaml((T) value);
    if (setting.secret()) {
      yaml =
          yaml instanceof Map<?, ?> map
              ? map.keySet().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          String::valueOf, k -> HIDDEN, (a, b) -> a, java.util.LinkedHashMap::new))
              : HIDDEN;
    }
    try {
      return JSON.writeValueAsString(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
