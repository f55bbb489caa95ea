package dev.tapio.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every macro and rule condition of Falco's default rule files parses, once Falco's textual list
 * substitution has been applied, and prints back to text that parses to the same tree.
 *
 * <p>The files are read from {@code ../shared/falco-rules} beside the repository; without them the
 * test is skipped, loudly. List substitution belongs to the rule loader; the few lines here only
 * approximate it well enough to feed the parser.
 */
class FalcoRulesCorpusTest {

  private static final List<String> FILES =
      List.of("falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml");

  private record Condition(String file, String kind, String name, String text) {}

  @TestFactory
  Stream<DynamicTest> everyConditionOfTheDefaultRulesParses() throws IOException {
    Path corpus = corpusDirectory();
    if (corpus == null) {
      String message =
          "!!!!! SKIPPED: Falco rule corpus not found at ../shared/falco-rules beside the"
              + " repository; the default rules were NOT checked against the grammar !!!!!";
      System.out.println(message);
      System.err.println(message);
      return Assumptions.abort(message);
    }
    Map<String, List<String>> lists = new LinkedHashMap<>();
    List<Condition> conditions = new ArrayList<>();
    for (String file : FILES) {
      for (Map<String, Object> item : items(corpus.resolve(file))) {
        if (item.get("list") instanceof String name && item.get("items") instanceof List<?> raw) {
          lists.put(name, expandItems(raw, lists));
        } else if (item.get("condition") instanceof String text) {
          String kind = item.containsKey("macro") ? "macro" : "rule";
          conditions.add(new Condition(file, kind, String.valueOf(item.get(kind)), text));
        }
      }
    }
    List<Substitution> substitutions = substitutions(lists);
    List<String> failures = new ArrayList<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Condition condition : conditions) {
      String substituted = substitute(condition.text(), substitutions);
      ParseResult<Expr> result = FalcoConditionParser.tryParse(substituted);
      if (result instanceof ParseResult.Failure<Expr>(ConditionSyntaxError error)) {
        failures.add(condition.file() + " " + condition.name() + ": " + error);
      }
      tests.add(
          DynamicTest.dynamicTest(
              condition.file() + " " + condition.kind() + " '" + condition.name() + "'",
              () -> parsesAndPrintsBack(substituted)));
    }
    System.out.printf(
        "Falco rule corpus: %d of %d conditions parse (%d lists substituted)%n",
        conditions.size() - failures.size(), conditions.size(), lists.size());
    failures.forEach(System.out::println);
    // Falco's three files as shared beside the repository: every macro and rule condition
    assertThat(conditions).hasSize(445);
    assertThat(failures).isEmpty();
    return tests.stream();
  }

  /** Parses, and the canonical text parses to a tree with the same canonical text. */
  private static void parsesAndPrintsBack(String condition) {
    String printed = ConditionPrinter.print(FalcoConditionParser.parse(condition));
    assertThat(ConditionPrinter.print(FalcoConditionParser.parse(printed))).isEqualTo(printed);
  }

  private static @Nullable Path corpusDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".mvn"))) {
        Path corpus = dir.resolve("../shared/falco-rules").normalize();
        return Files.isDirectory(corpus) ? corpus : null;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Path file) throws IOException {
    List<Map<String, Object>> items = new ArrayList<>();
    try (MappingIterator<Object> documents =
        new ObjectMapper(new YAMLFactory()).readerFor(Object.class).readValues(file.toFile())) {
      // A top-level sequence is read element by element.
      while (documents.hasNext()) {
        if (documents.next() instanceof Map<?, ?> item) {
          items.add((Map<String, Object>) item);
        }
      }
    }
    return items;
  }

  /** An item naming an earlier list stands for that list's items. */
  private static List<String> expandItems(List<?> raw, Map<String, List<String>> lists) {
    List<String> items = new ArrayList<>();
    for (Object item : raw) {
      String text = String.valueOf(item);
      items.addAll(lists.getOrDefault(text, List.of(text)));
    }
    return items;
  }

  /** A list name and what replaces it. */
  private record Substitution(String name, Pattern pattern, String replacement) {}

  /**
   * Falco's list substitution, roughly: each list name bounded by the ends of the text, a blank or
   * one of {@code ( ) , =} becomes its items joined by ", ", items holding a space quoted; an empty
   * list also takes one neighbouring comma with it.
   */
  private static List<Substitution> substitutions(Map<String, List<String>> lists) {
    List<Substitution> substitutions = new ArrayList<>();
    for (Map.Entry<String, List<String>> list : lists.entrySet()) {
      String bounded = "(?<=^|[\\s(),=])" + Pattern.quote(list.getKey()) + "(?=$|[\\s(),=])";
      List<String> rendered = new ArrayList<>();
      for (String item : list.getValue()) {
        boolean quote = item.contains(" ") && !item.startsWith("\"") && !item.startsWith("'");
        rendered.add(quote ? "\"" + item + "\"" : item);
      }
      String pattern =
          rendered.isEmpty() ? ",\\s*" + bounded + "|" + bounded + "\\s*,|" + bounded : bounded;
      substitutions.add(
          new Substitution(
              list.getKey(),
              Pattern.compile(pattern),
              Matcher.quoteReplacement(String.join(", ", rendered))));
    }
    return substitutions;
  }

  private static String substitute(String condition, List<Substitution> substitutions) {
    String text = condition;
    for (Substitution substitution : substitutions) {
      if (text.contains(substitution.name())) {
        text = substitution.pattern().matcher(text).replaceAll(substitution.replacement());
      }
    }
    return text;
  }
}
