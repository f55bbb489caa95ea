package dev.tapio.rules.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders file results as {@code falco --validate} prints them: text, or JSON. */
public final class LoadReports {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "------";

  private LoadReports() {}

  /**
   * One block per file: {@code <file>: Ok}, {@code <file>: Ok, with warnings} or {@code <file>:
   * Invalid}, then each error (and, when {@code withWarnings}, each warning) as a context chain, a
   * snippet and {@code CODE (description): message}.
   */
  public static String text(List<FileResult> results, boolean withWarnings) {
    StringBuilder out = new StringBuilder();
    for (FileResult r : results) {
      out.append(r.name()).append(": ").append(r.status().text()).append('\n');
      for (Diagnostic d : r.diagnostics()) {
        if (d.isError() || withWarnings) {
          out.append(text(d));
        }
      }
    }
    return out.toString();
  }

  /** One diagnostic in Falco's layout. */
  public static String text(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    String indent = "";
    for (Location l : d.context()) {
      out.append(indent).append(indent.isEmpty() ? "In " : "").append(l.render()).append('\n');
      indent = "    ";
    }
    if (!d.snippet().isEmpty()) {
      out.append(RULE).append('\n').append(d.snippet()).append('\n').append(RULE).append('\n');
    }
    out.append(d.code())
        .append(" (")
        .append(d.code().description())
        .append("): ")
        .append(d.message())
        .append('\n');
    return out.toString();
  }

  /** {@code {"falco_load_results":[{name, successful, errors:[…], warnings:[…]}]}}. */
  public static ObjectNode json(List<FileResult> results) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode files = root.putArray("falco_load_results");
    for (FileResult r : results) {
      ObjectNode f = files.addObject();
      f.put("name", r.name());
      f.put("successful", r.successful());
      ArrayNode errors = f.putArray("errors");
      ArrayNode warnings = f.putArray("warnings");
      for (Diagnostic d : r.diagnostics()) {
        json(d.isError() ? errors.addObject() : warnings.addObject(), d);
      }
    }
    return root;
  }

  public static String jsonText(List<FileResult> results) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(results));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void json(ObjectNode out, Diagnostic d) {
    ObjectNode context = out.putObject("context");
    ArrayNode locations = context.putArray("locations");
    for (Location l : d.context()) {
      ObjectNode loc = locations.addObject();
      loc.put("item_type", l.itemType());
      loc.put("item_name", l.itemName());
      ObjectNode pos = loc.putObject("position");
      pos.put("name", l.position().name());
      pos.put("line", l.position().line());
      pos.put("column", l.position().column());
      pos.put("offset", l.position().offset());
    }
    context.put("snippet", d.snippet());
    out.put("code", d.code().name());
    out.put("codedesc", d.code().description());
    out.put("message", d.message());
  }
}
