package dev.tapio.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code tapio config show} and the documentation both follow the one schema. */
class ConfigPrinterTest {

  @Test
  void printsEverySettingWithItsDefaultAndWhereOthersCameFrom() {
    EffectiveConfig c =
        ConfigLoader.load(
            null,
            Map.of("TAPIO_HTTP_TOKEN", "s3cret"),
            List.of(FlagValue.parse("spool.maxAge=2h")));
    String yaml = ConfigPrinter.yaml(c);
    assertThat(yaml)
        .contains("spool:\n  enabled: true\n  directory: \"/var/lib/tapio/spool\"\n")
        .contains("  maxAge: \"2h\"  # --set spool.maxAge\n")
        .contains("  maxBytes: \"256MiB\"\n")
        .contains("rateLimits:\n  cgroup:\n    fileRecordsPerSecond: 20000\n")
        .contains("  token: \"(hidden)\"  # environment variable TAPIO_HTTP_TOKEN\n")
        .doesNotContain("s3cret");
    for (Setting<?> s : Settings.ALL) {
      String key = s.path().substring(s.path().lastIndexOf('.') + 1);
      assertThat(yaml).as(s.path()).containsPattern("(?m)^ *" + Pattern.quote(key) + ": ");
    }
  }

  @Test
  void whatItPrintsLoadsBackToTheSameConfiguration() {
    EffectiveConfig c =
        ConfigLoader.load(
            null,
            Map.of(),
            List.of(
                FlagValue.parse("rules.disable.tags=network,k8s"),
                FlagValue.parse("outputs.otlp.endpoint=http://collector:4317"),
                FlagValue.parse("outputs.otlp.protocol=grpc"),
                FlagValue.parse("node.name=node-a")));
    EffectiveConfig again =
        ConfigLoader.loadText("shown.yaml", ConfigPrinter.yaml(c), Path.of("/"));
    for (Setting<?> s : Settings.ALL) {
      assertThat(again.find(s)).as(s.path()).isEqualTo(c.find(s));
    }
  }

  /** The table of docs/configuration.md, as the schema gives it. */
  static String table() {
    StringBuilder t =
        new StringBuilder("| key | default | environment | what it does |\n|---|---|---|---|\n");
    for (Setting<?> s : Settings.ALL) {
      t.append("| `")
          .append(s.path())
          .append("` | ")
          .append(defaultText(s))
          .append(" | ")
          .append(String.join(", ", s.variables().stream().map(v -> "`" + v + "`").toList()))
          .append(" | ")
          .append(s.description())
          .append(" |\n");
    }
    return t.toString();
  }

  @SuppressWarnings("unchecked")
  private static <T> String defaultText(Setting<T> s) {
    T value = s.defaultValue();
    if (value == null) {
      return "unset";
    }
    return "`" + String.valueOf(s.type().toYaml(value)).replace("|", "\\|") + "`";
  }

  @Test
  void theDocumentationListsExactlyTheSettings() throws Exception {
    Path doc = Path.of("../../docs/configuration.md");
    String expected = table();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/configuration-table.md"), expected);
    assertThat(Files.readString(doc))
        .as("docs/configuration.md must hold target/configuration-table.md")
        .contains(expected);
  }
}
