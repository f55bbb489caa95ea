package dev.tapio.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tapio.app.cli.TapioCommand;
import dev.tapio.app.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operators' guides stay true to the product: every troubleshooting entry names a command that
 * shows its symptom, every {@code tapio} command line in them parses, every setting they name
 * exists, and every metric family they name is one the engine documents.
 */
class OperatorGuidesTest {
  private static final Path DOCS = Path.of("../../docs");
  private static final List<String> GUIDES = List.of("troubleshooting.md", "tuning.md");
  private static final Pattern FENCE = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SETTING = Pattern.compile("`([a-z]+(?:\\.[a-zA-Z]+)+)`");
  private static final Pattern METRIC = Pattern.compile("tapio_[a-z_]*");

  @Test
  void everyTroubleshootingEntryNamesTheCommandThatShowsItsSymptom() throws IOException {
    List<Entry> entries = entries(read("troubleshooting.md"));
    assertThat(entries).hasSizeGreaterThanOrEqualTo(20);
    for (Entry entry : entries) {
      int shows = entry.body().indexOf("**Shows it:**");
      assertThat(shows).as("'%s' has a **Shows it:** line", entry.title()).isNotNegative();
      Matcher block = FENCE.matcher(entry.body());
      assertThat(block.find(shows) && !block.group(1).isBlank())
          .as("'%s' gives a command in a sh block after **Shows it:**", entry.title())
          .isTrue();
      assertThat(entry.body())
          .as("'%s' says how to mend it", entry.title())
          .containsAnyOf("**Fix", "Not an error");
    }
  }

  @Test
  void everyTapioCommandLineInTheGuidesParses() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String guide : GUIDES) {
      Matcher block = FENCE.matcher(read(guide));
      while (block.find()) {
        block
            .group(1)
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("tapio "))
            .forEach(lines::add);
      }
    }
    assertThat(lines).hasSizeGreaterThan(3);
    for (String line : lines) {
      String[] args = arguments(line);
      assertThatCode(() -> TapioCommand.commandLine().parseArgs(args))
          .as("tapio %s", String.join(" ", args))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everySettingTheGuidesNameExists() throws IOException {
    Set<String> roots =
        Settings.ALL.stream().map(s -> s.path().split("\\.")[0]).collect(Collectors.toSet());
    for (String guide : GUIDES) {
      Matcher m = SETTING.matcher(read(guide));
      while (m.find()) {
        String key = m.group(1);
        if (roots.contains(key.split("\\.")[0]) && !key.endsWith(".md")) {
          assertThat(Settings.byPath(key)).as("setting %s named in %s", key, guide).isPresent();
        }
      }
    }
  }

  @Test
  void everyMetricTheGuidesNameIsADocumentedFamily() throws IOException {
    Set<String> families = documentedFamilies(read("configuration.md"));
    assertThat(families).contains("tapio_sensor_records_dropped_total");
    // A metric's second word names its area (tapio_sensor_..., tapio_alert_...); macros such as
    // tapio_spawned are not metrics.
    Set<String> areas = families.stream().map(f -> f.split("_")[1]).collect(Collectors.toSet());
    for (String guide : GUIDES) {
      Matcher m = METRIC.matcher(read(guide));
      while (m.find()) {
        String name = m.group();
        if (!areas.contains(name.split("_")[1])) {
          continue;
        }
        boolean known =
            name.endsWith("_")
                ? families.stream().anyMatch(f -> f.startsWith(name))
                : families.contains(name);
        assertThat(known).as("metric %s named in %s is in configuration.md", name, guide).isTrue();
      }
    }
  }

  /**
   * The families of configuration.md's metrics table; a cell may shorten the names after the first
   * ({@code `tapio_a_b_received_total`, `_processed_total`}): the short one replaces as many
   * trailing words of the first.
   */
  static Set<String> documentedFamilies(String configuration) {
    String table = configuration.substring(configuration.indexOf("## Metrics"));
    table = table.substring(0, table.indexOf("\n## ", 1));
    Set<String> families = new LinkedHashSet<>();
    for (String row : table.lines().filter(l -> l.startsWith("| `tapio_")).toList()) {
      String cell = row.split("\\|")[1];
      List<String> names =
          Pattern.compile("`([a-z_]+)`").matcher(cell).results().map(r -> r.group(1)).toList();
      String first = names.getFirst();
      families.add(first);
      List<String> words = Arrays.asList(first.split("_"));
      for (String shortName : names.subList(1, names.size())) {
        if (shortName.startsWith("_")) {
          int replaced = shortName.substring(1).split("_").length;
          families.add(String.join("_", words.subList(0, words.size() - replaced)) + shortName);
        } else {
          families.add(shortName);
        }
      }
    }
    return families;
  }

  private static String[] arguments(String line) {
    String command = line;
    for (String end : List.of(" |", " 2>", " >", " &&", " #")) {
      int at = command.indexOf(end);
      if (at >= 0) {
        command = command.substring(0, at);
      }
    }
    List<String> words = new ArrayList<>(List.of(command.strip().split("\\s+")));
    words.removeFirst();
    return words.toArray(String[]::new);
  }

  private record Entry(String title, String body) {}

  private static List<Entry> entries(String markdown) {
    List<Entry> entries = new ArrayList<>();
    String[] parts = markdown.split("\n### ");
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int end = part.indexOf("\n## ");
      String body = end < 0 ? part : part.substring(0, end);
      entries.add(new Entry(body.lines().findFirst().orElse(""), body));
    }
    return entries;
  }

  private static String read(String name) throws IOException {
    return Files.readString(DOCS.resolve(name));
  }
}
