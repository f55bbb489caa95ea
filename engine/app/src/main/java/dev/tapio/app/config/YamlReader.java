package dev.tapio.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads YAML text into {@link YamlNode}s that remember their line and column (Jackson's streaming
 * parser reports the location of every token). A duplicate key is an error, not a silent overwrite.
 */
final class YamlReader {
  static final String DUPLICATE_KEY = "duplicate key '%s'";
  static final String SYNTAX = "not valid YAML: %s";

  private static final YAMLFactory YAML = new YAMLFactory();

  private final String file;
  private final List<ConfigProblem> problems;

  private YamlReader(String file, List<ConfigProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document, or an empty mapping when the text is empty; syntax errors go to problems. */
  static YamlNode read(String file, String text, List<ConfigProblem> problems) {
    YamlReader reader = new YamlReader(file, problems);
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode.Mapping(List.of(), Origin.file(file, 1, 1));
      }
      return reader.node(parser, first);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Origin where = at == null ? Origin.file(file, 1, 1) : reader.origin(at);
      String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
      problems.add(new ConfigProblem(where, SYNTAX.formatted(message.strip())));
      return new YamlNode.Mapping(List.of(), Origin.file(file, 1, 1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private YamlNode node(JsonParser p, JsonToken token) throws IOException {
    Origin at = origin(p.currentTokenLocation());
    return switch (token) {
      case START_OBJECT -> mapping(p, at);
      case START_ARRAY -> sequence(p, at);
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(p.getText(), YamlNode.Kind.INTEGER, at);
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(p.getText(), YamlNode.Kind.DECIMAL, at);
      case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(p.getText(), YamlNode.Kind.BOOLEAN, at);
      case VALUE_NULL -> new YamlNode.Scalar("", YamlNode.Kind.NULL, at);
      default -> new YamlNode.Scalar(p.getText(), YamlNode.Kind.STRING, at);
    };
  }

  private YamlNode mapping(JsonParser p, Origin at) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      Origin keyAt = origin(p.currentTokenLocation());
      YamlNode value = node(p, p.nextToken());
      if (!seen.add(key)) {
        problems.add(new ConfigProblem(keyAt, DUPLICATE_KEY.formatted(key)));
        continue;
      }
      entries.add(new YamlNode.Entry(key, keyAt, value));
    }
    return new YamlNode.Mapping(entries, at);
  }

  private YamlNode sequence(JsonParser p, Origin at) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      items.add(node(p, t));
    }
    return new YamlNode.Sequence(items, at);
  }

  private Origin origin(JsonLocation location) {
    return Origin.file(
        file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
