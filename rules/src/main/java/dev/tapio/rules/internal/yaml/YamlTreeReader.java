package dev.tapio.rules.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tapio.rules.diagnostics.SourcePosition;
import dev.tapio.rules.diagnostics.SourceText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every YAML document of a text into positioned trees. */
public final class YamlTreeReader {

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2000).build())
          .build();

  /** A YAML syntax error at a position. */
  public static final class YamlSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final SourcePosition position;

    YamlSyntaxException(String message, SourcePosition position) {
      super(message);
      this.position = position;
    }

    public SourcePosition position() {
      return position;
    }
  }

  private final SourceText source;
  private final int[] lineOffsets;
  private final JsonParser parser;

  private YamlTreeReader(SourceText source, JsonParser parser) {
    this.source = source;
    this.lineOffsets = ScalarLayout.lineOffsets(source.lines());
    this.parser = parser;
  }

  /** The documents of {@code source}, in order; an empty document is a {@link YNode.YNull}. */
  public static List<YNode> read(SourceText source) throws YamlSyntaxException {
    try (JsonParser p = FACTORY.createParser(source.content())) {
      YamlTreeReader reader = new YamlTreeReader(source, p);
      List<YNode> docs = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        docs.add(reader.node(t));
      }
      return docs;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      SourcePosition pos =
          loc == null
              ? SourcePosition.wholeFile(source.name())
              : new SourcePosition(
                  source.name(), loc.getLineNr(), loc.getColumnNr(), (int) loc.getCharOffset());
      String msg = e.getOriginalMessage();
      Throwable cause = e.getCause();
      if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
        msg = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
        if (m.getProblemMark() != null) {
          pos =
              new SourcePosition(
                  source.name(),
                  m.getProblemMark().getLine() + 1,
                  m.getProblemMark().getColumn() + 1,
                  m.getProblemMark().getIndex());
        }
      }
      throw new YamlSyntaxException(msg == null ? "malformed YAML" : msg, pos);
    } catch (IOException e) {
      throw new YamlSyntaxException(
          String.valueOf(e.getMessage()), SourcePosition.wholeFile(source.name()));
    }
  }

  private SourcePosition here() {
    JsonLocation loc = parser.currentTokenLocation();
    return new SourcePosition(
        source.name(), loc.getLineNr(), loc.getColumnNr(), (int) loc.getCharOffset());
  }

  private YNode node(JsonToken t) throws IOException {
    SourcePosition pos = here();
    return switch (t) {
      case START_OBJECT -> {
        Map<String, YNode.Entry> entries = new LinkedHashMap<>();
        JsonToken k;
        while ((k = parser.nextToken()) != JsonToken.END_OBJECT && k != null) {
          String key = parser.currentName();
          SourcePosition keyPos = here();
          YNode value = node(parser.nextToken());
          entries.put(key, new YNode.Entry(key, keyPos, value));
        }
        yield new YNode.YMap(pos, entries);
      }
      case START_ARRAY -> {
        List<YNode> items = new ArrayList<>();
        JsonToken i;
        while ((i = parser.nextToken()) != JsonToken.END_ARRAY && i != null) {
          items.add(node(i));
        }
        yield new YNode.YSeq(pos, items);
      }
      case VALUE_NULL -> new YNode.YNull(pos);
      default -> {
        String text = parser.getText();
        yield new YNode.YScalar(pos, text, ScalarLayout.of(source.lines(), lineOffsets, pos, text));
      }
    };
  }
}
