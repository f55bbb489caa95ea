package dev.tapio.app.reload;

import dev.tapio.app.EngineOptions;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.FlagValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Rule files and engine options for the reload tests. */
public final class RuleFixtures {
  private RuleFixtures() {}

  /** One rule named {@code name} matching opens of {@code path}. */
  public static String rule(String name, String path) {
    return """
        - rule: %s
          desc: reads %s
          condition: evt.type = openat and fd.name = %s
          output: "read %%fd.name"
          priority: WARNING
        """
        .formatted(name, path, path);
  }

  /** The same rule with an unclosed parenthesis on line 3 (reported at its end, column 53). */
  public static final String BROKEN =
      """
      - rule: Broken
        desc: does not parse
        condition: evt.type = openat and (fd.name = /tmp/x
        output: "read %fd.name"
        priority: WARNING
      """;

  /** Options loading {@code files} only, with {@code settings} ({@code key=value}) on top. */
  public static EngineOptions options(List<Path> files, String... settings) {
    List<FlagValue> flags = java.util.Arrays.stream(settings).map(FlagValue::parse).toList();
    return new EngineOptions(
        files, false, null, false, 1 << 22, Map.of(), ConfigLoader.load(null, Map.of(), flags));
  }
}
