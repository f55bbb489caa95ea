package dev.tapio.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.recording.EventFormatException;
import dev.tapio.recording.EventReader;
import dev.tapio.recording.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads case files (YAML). */
public final class CaseFileReader {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> FILE_KEYS = Set.of("rules", "cases");
  private static final Set<String> CASE_KEYS =
      Set.of("name", "events", "events_from", "expect", "focus");
  private static final Set<String> EXPECT_KEYS = Set.of("rule", "priority", "count", "fields");

  private CaseFileReader() {}

  public static CaseFile read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new CaseFormatException(path + ": cannot read: " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CaseFormatException(path + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    String name = path.toString();
    if (root == null || !root.isObject()) {
      throw new CaseFormatException(name + ": expected a mapping with 'cases'");
    }
    onlyKeys(root, FILE_KEYS, name);
    Path dir =
        java.util.Objects.requireNonNull(path.toAbsolutePath().getParent(), "a file has a folder");
    List<Path> rules = new ArrayList<>();
    for (String rule : texts(root.get("rules"), name + ": rules")) {
      rules.add(dir.resolve(rule).normalize());
    }
    JsonNode cases = root.get("cases");
    if (cases == null || !cases.isArray() || cases.isEmpty()) {
      throw new CaseFormatException(name + ": cases: expected a non-empty list of cases");
    }
    List<RuleCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      out.add(readCase(cases.get(i), name, i, dir));
    }
    return new CaseFile(path, rules, out);
  }

  private static RuleCase readCase(JsonNode node, String file, int index, Path dir) {
    String where = file + ": cases[" + index + "]";
    if (!node.isObject()) {
      throw new CaseFormatException(where + ": expected a mapping");
    }
    onlyKeys(node, CASE_KEYS, where);
    String name = node.path("name").asText("");
    if (name.isBlank()) {
      throw new CaseFormatException(where + ".name: every case needs a name");
    }
    List<EnrichedEvent> events = new ArrayList<>();
    if (node.hasNonNull("events_from")) {
      try {
        events.addAll(Recording.read(dir.resolve(node.get("events_from").asText())));
      } catch (EventFormatException x) {
        throw new CaseFormatException(String.valueOf(x.getMessage()), x);
      }
    }
    JsonNode inline = node.get("events");
    if (inline != null && !inline.isNull()) {
      if (!inline.isArray()) {
        throw new CaseFormatException(where + ".events: expected a list of events");
      }
      for (int e = 0; e < inline.size(); e++) {
        try {
          events.add(
              EventReader.read(
                  inline.get(e), "events[" + e + "]", EventReader.defaultTime(events.size())));
        } catch (EventFormatException x) {
          throw new CaseFormatException(where + "." + x.getMessage(), x);
        }
      }
    }
    if (events.isEmpty()) {
      throw new CaseFormatException(where + ": a case needs events (events or events_from)");
    }
    JsonNode expect = node.get("expect");
    if (expect == null) {
      throw new CaseFormatException(
          where + ".expect: say what must happen: a list of alerts, or [] for silence");
    }
    if (!expect.isArray()) {
      throw new CaseFormatException(where + ".expect: expected a list (use [] for silence)");
    }
    List<ExpectedAlert> expected = new ArrayList<>();
    for (int e = 0; e < expect.size(); e++) {
      expected.add(readExpected(expect.get(e), where + ".expect[" + e + "]"));
    }
    List<String> focus = texts(node.get("focus"), where + ".focus");
    return new RuleCase(name, file, index, events, expected, focus);
  }

  private static ExpectedAlert readExpected(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new CaseFormatException(where + ": expected a mapping with 'rule'");
    }
    onlyKeys(node, EXPECT_KEYS, where);
    String rule = node.path("rule").asText("");
    if (rule.isBlank()) {
      throw new CaseFormatException(where + ".rule: name the rule that must fire");
    }
    Priority priority = null;
    if (node.hasNonNull("priority")) {
      String text = node.get("priority").asText();
      priority =
          Priority.parse(text)
              .orElseThrow(
                  () ->
                      new CaseFormatException(
                          where
                              + ".priority: unknown priority '"
                              + text
                              + "' (Emergency, Alert, Critical, Error, Warning, Notice,"
                              + " Informational, Debug)"));
    }
    Integer count = null;
    if (node.hasNonNull("count")) {
      JsonNode c = node.get("count");
      if (!c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() < 0) {
        throw new CaseFormatException(where + ".count: expected a whole number, 0 or more");
      }
      count = c.asInt();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode f = node.get("fields");
    if (f != null && !f.isNull()) {
      if (!f.isObject()) {
        throw new CaseFormatException(where + ".fields: expected a mapping of field: value");
      }
      f.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
    }
    return new ExpectedAlert(rule, priority, count, fields);
  }

  private static List<String> texts(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isValueNode()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new CaseFormatException(where + ": expected a list");
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new CaseFormatException(
            where
                + "."
                + key
                + ": unknown key (expected one of "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }
}
