package dev.tapio.rules.internal.reader;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_PARSE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_INVALID_LIST_NAME;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_INVALID_MACRO_NAME;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNKNOWN_ITEM;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNKNOWN_KEY;

import dev.tapio.api.alert.Priority;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.diagnostics.SourceText;
import dev.tapio.rules.internal.reader.RuleFileItem.EngineVersion;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.reader.RuleFileItem.ListDef;
import dev.tapio.rules.internal.reader.RuleFileItem.MacroDef;
import dev.tapio.rules.internal.reader.RuleFileItem.PluginVersions;
import dev.tapio.rules.internal.reader.RuleFileItem.RuleDef;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.report.Reporter;
import dev.tapio.rules.internal.yaml.YNode;
import dev.tapio.rules.internal.yaml.YNode.YMap;
import dev.tapio.rules.internal.yaml.YNode.YNull;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import dev.tapio.rules.internal.yaml.YNode.YSeq;
import dev.tapio.rules.internal.yaml.YamlTreeReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a rules file into positioned items. Structural problems are reported; the first error stops
 * the reading of the file, as in Falco.
 */
public final class RuleReader {

  public static final String LIST_NAME_REGEX = "^[^\\s(),=\"']+$";
  public static final String MACRO_NAME_REGEX = "^[a-zA-Z_][a-zA-Z0-9_]*$";
  private static final Pattern LIST_NAME = Pattern.compile(LIST_NAME_REGEX);
  private static final Pattern MACRO_NAME = Pattern.compile(MACRO_NAME_REGEX);

  private static final Set<String> LIST_KEYS = Set.of("list", "items", "append", "override");
  private static final Set<String> MACRO_KEYS = Set.of("macro", "condition", "append", "override");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "rule",
          "condition",
          "output",
          "desc",
          "priority",
          "source",
          "enabled",
          "tags",
          "exceptions",
          "warn_evttypes",
          "skip-if-unknown-filter",
          "capture",
          "capture_duration",
          "append",
          "override");
  private static final Set<String> EXCEPTION_KEYS = Set.of("name", "fields", "comps", "values");

  /** Thrown internally to stop reading a file at its first error. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private final Reporter reporter;

  public RuleReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The items of {@code source}; an empty list (with an error reported) when unreadable. */
  public List<RuleFileItem> read(SourceText source) {
    Context fileCtx = Context.file(source.name());
    List<YNode> docs;
    try {
      docs = YamlTreeReader.read(source);
    } catch (YamlTreeReader.YamlSyntaxException e) {
      reporter.error(
          LOAD_ERR_YAML_PARSE,
          fileCtx.in("yaml", e.position()),
          Messages.YAML_PARSE,
          String.valueOf(e.getMessage()));
      return List.of();
    }
    List<RuleFileItem> items = new ArrayList<>();
    try {
      for (YNode doc : docs) {
        switch (doc) {
          case YNull n -> {}
          case YScalar s when s.text().isBlank() -> {} // an empty document
          case YSeq seq -> {
            for (YNode item : seq.items()) {
              RuleFileItem read = item(fileCtx, item);
              if (read != null) {
                items.add(read);
              }
            }
          }
          default -> fail(fileCtx.in("rules content", doc.position()), Messages.NOT_A_SEQUENCE);
        }
      }
    } catch (Stop stop) {
      // the error is reported; the items read so far are kept for context only
      return List.of();
    }
    return items;
  }

  private @Nullable RuleFileItem item(Context fileCtx, YNode node) {
    if (!(node instanceof YMap map)) {
      fail(fileCtx.in("rules content", node.position()), Messages.ITEM_NOT_A_MAP);
      throw new AssertionError();
    }
    if (map.has("required_engine_version")) {
      Context ctx = fileCtx.in("required_engine_version", "", map.position());
      return new EngineVersion(
          ctx, map.position(), scalar(ctx, map, "required_engine_version", true));
    }
    if (map.has("required_plugin_versions")) {
      Context ctx = fileCtx.in("required_plugin_versions", "", map.position());
      List<String> names = new ArrayList<>();
      if (map.get("required_plugin_versions") instanceof YSeq seq) {
        for (YNode p : seq.items()) {
          if (p instanceof YMap pm && pm.get("name") instanceof YScalar s) {
            names.add(s.text());
          }
        }
      }
      return new PluginVersions(ctx, map.position(), names);
    }
    if (map.has("list")) {
      return list(fileCtx, map);
    }
    if (map.has("macro")) {
      return macro(fileCtx, map);
    }
    if (map.has("rule")) {
      return rule(fileCtx, map);
    }
    if (map.has("correlation")) {
      return new CorrelationReader(this).correlation(fileCtx, map);
    }
    reporter.warn(
        LOAD_UNKNOWN_ITEM, fileCtx.in("rules content", map.position()), Messages.UNKNOWN_ITEM);
    return null;
  }

  private ListDef list(Context fileCtx, YMap map) {
    String name = scalar(fileCtx.in("list", "", map.position()), map, "list", true);
    Context ctx = fileCtx.in("list", name, map.position());
    unknownKeys(ctx, map, LIST_KEYS);
    if (!LIST_NAME.matcher(name).matches()) {
      reporter.warn(LOAD_INVALID_LIST_NAME, ctx, Messages.INVALID_LIST_NAME, LIST_NAME_REGEX);
    }
    boolean append = bool(ctx, map, "append", false);
    Map<String, OverrideMode> override = override(ctx, map);
    List<YScalar> items = null;
    if (map.has("items")) {
      items = scalars(ctx, map, "items");
    } else {
      fail(ctx, Messages.format(Messages.MISSING_KEY, "items"));
    }
    return new ListDef(ctx, map.position(), name, items, append, override);
  }

  private MacroDef macro(Context fileCtx, YMap map) {
    String name = scalar(fileCtx.in("macro", "", map.position()), map, "macro", true);
    Context ctx = fileCtx.in("macro", name, map.position());
    unknownKeys(ctx, map, MACRO_KEYS);
    if (!MACRO_NAME.matcher(name).matches()) {
      reporter.warn(LOAD_INVALID_MACRO_NAME, ctx, Messages.INVALID_MACRO_NAME, MACRO_NAME_REGEX);
    }
    boolean append = bool(ctx, map, "append", false);
    Map<String, OverrideMode> override = override(ctx, map);
    YScalar condition = conditionScalar(ctx, map);
    if (condition == null) {
      fail(ctx, Messages.format(Messages.MISSING_KEY, "condition"));
    }
    return new MacroDef(ctx, map.position(), name, condition, append, override);
  }

  private RuleDef rule(Context fileCtx, YMap map) {
    String name = scalar(fileCtx.in("rule", "", map.position()), map, "rule", true);
    Context ctx = fileCtx.in("rule", name, map.position());
    unknownKeys(ctx, map, RULE_KEYS);
    boolean append = bool(ctx, map, "append", false);
    Map<String, OverrideMode> override = override(ctx, map);
    YScalar condition = conditionScalar(ctx, map);
    String output = optionalScalar(ctx, map, "output");
    if (output != null) {
      output = output.strip();
    }
    String desc = optionalScalar(ctx, map, "desc");
    Priority priority = null;
    String priorityText = optionalScalar(ctx, map, "priority");
    if (priorityText != null) {
      Optional<Priority> p = Priority.parse(priorityText);
      if (p.isEmpty()) {
        fail(
            keyCtx(ctx, map, "priority"), Messages.format(Messages.INVALID_PRIORITY, priorityText));
      }
      priority = p.orElse(null);
    }
    Boolean enabled = map.has("enabled") ? bool(ctx, map, "enabled", true) : null;
    List<String> tags =
        map.has("tags") ? scalars(ctx, map, "tags").stream().map(YScalar::text).toList() : null;
    List<ExceptionDef> exceptions = map.has("exceptions") ? exceptions(ctx, map) : null;
    Boolean warn = map.has("warn_evttypes") ? bool(ctx, map, "warn_evttypes", true) : null;
    Boolean skip =
        map.has("skip-if-unknown-filter") ? bool(ctx, map, "skip-if-unknown-filter", false) : null;
    Boolean capture = map.has("capture") ? bool(ctx, map, "capture", false) : null;
    String captureDuration = optionalScalar(ctx, map, "capture_duration");
    Set<String> present = new LinkedHashSet<>(map.entries().keySet());
    boolean isNew = !append && override.isEmpty();
    boolean enabledOnly =
        isNew
            && enabled != null
            && condition == null
            && output == null
            && desc == null
            && priority == null;
    if (isNew && !enabledOnly) {
      for (String key : List.of("condition", "output", "desc", "priority")) {
        if (!map.has(key)) {
          fail(ctx, Messages.format(Messages.MISSING_KEY, key));
        }
      }
    }
    return new RuleDef(
        ctx,
        map.position(),
        name,
        condition,
        output,
        desc,
        priority,
        optionalScalar(ctx, map, "source"),
        enabled,
        tags,
        exceptions,
        warn,
        skip,
        capture,
        captureDuration,
        append,
        override,
        present);
  }

  private List<ExceptionDef> exceptions(Context ctx, YMap map) {
    YNode node = map.get("exceptions");
    if (!(node instanceof YSeq seq)) {
      fail(
          keyCtx(ctx, map, "exceptions"),
          Messages.format(Messages.NOT_A_STRING_LIST, "exceptions"));
      throw new AssertionError();
    }
    List<ExceptionDef> out = new ArrayList<>();
    for (YNode e : seq.items()) {
      if (!(e instanceof YMap em)) {
        fail(ctx.in("exception", e.position()), Messages.ITEM_NOT_A_MAP);
        throw new AssertionError();
      }
      Context ectx = ctx.in("exception", "", em.position());
      if (!em.has("name")) {
        fail(ectx, Messages.EXCEPTION_NO_NAME);
      }
      String name = scalar(ectx, em, "name", true);
      ectx = ctx.in("exception", name, em.position());
      unknownKeys(ectx, em, EXCEPTION_KEYS);
      List<String> fields = null;
      boolean fieldsScalar = false;
      if (em.get("fields") instanceof YScalar s) {
        fields = List.of(s.text());
        fieldsScalar = true;
      } else if (em.has("fields")) {
        fields = scalars(ectx, em, "fields").stream().map(YScalar::text).toList();
      }
      List<String> comps = null;
      boolean compsScalar = false;
      if (em.get("comps") instanceof YScalar s) {
        comps = List.of(s.text());
        compsScalar = true;
      } else if (em.has("comps")) {
        comps = scalars(ectx, em, "comps").stream().map(YScalar::text).toList();
      }
      List<YNode> values = null;
      if (em.get("values") instanceof YSeq vs) {
        values = vs.items();
      } else if (em.has("values") && !(em.get("values") instanceof YNull)) {
        fail(keyCtx(ectx, em, "values"), Messages.format(Messages.NOT_A_STRING_LIST, "values"));
      }
      out.add(
          new ExceptionDef(
              ectx, em.position(), name, fields, fieldsScalar, comps, compsScalar, values));
    }
    return out;
  }

  private Map<String, OverrideMode> override(Context ctx, YMap map) {
    if (!map.has("override")) {
      return Map.of();
    }
    if (!(map.get("override") instanceof YMap om)) {
      fail(keyCtx(ctx, map, "override"), Messages.format(Messages.NOT_A_MAP, "override"));
      throw new AssertionError();
    }
    Map<String, OverrideMode> out = new LinkedHashMap<>();
    for (YNode.Entry e : om.entries().values()) {
      String mode = e.value() instanceof YScalar s ? s.text() : "";
      switch (mode) {
        case "append" -> out.put(e.key(), OverrideMode.APPEND);
        case "replace" -> out.put(e.key(), OverrideMode.REPLACE);
        default ->
            fail(
                ctx.in("override", e.keyPosition()),
                Messages.format(Messages.OVERRIDE_BAD_MODE, mode, e.key()));
      }
    }
    return out;
  }

  private @Nullable YScalar conditionScalar(Context ctx, YMap map) {
    YNode node = map.get("condition");
    if (node == null) {
      return null;
    }
    if (node instanceof YScalar s && !s.text().isBlank()) {
      return s;
    }
    if (node instanceof YNull || node instanceof YScalar) {
      fail(keyCtx(ctx, map, "condition"), Messages.format(Messages.EMPTY_VALUE, "condition"));
    }
    fail(keyCtx(ctx, map, "condition"), Messages.format(Messages.NOT_A_SCALAR, "condition"));
    throw new AssertionError();
  }

  String scalar(Context ctx, YMap map, String key, boolean required) {
    YNode node = map.get(key);
    if (node instanceof YScalar s) {
      if (required && s.text().isEmpty()) {
        fail(keyCtx(ctx, map, key), Messages.format(Messages.EMPTY_VALUE, key));
      }
      return s.text();
    }
    if (node == null || node instanceof YNull) {
      fail(node == null ? ctx : keyCtx(ctx, map, key), Messages.format(Messages.EMPTY_VALUE, key));
    }
    fail(keyCtx(ctx, map, key), Messages.format(Messages.NOT_A_SCALAR, key));
    throw new AssertionError();
  }

  @Nullable String optionalScalar(Context ctx, YMap map, String key) {
    return map.has(key) ? scalar(ctx, map, key, false) : null;
  }

  boolean bool(Context ctx, YMap map, String key, boolean dflt) {
    if (!map.has(key)) {
      return dflt;
    }
    String text = scalar(ctx, map, key, true).toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        fail(keyCtx(ctx, map, key), Messages.format(Messages.NOT_A_BOOL, key));
        yield dflt;
      }
    };
  }

  List<YScalar> scalars(Context ctx, YMap map, String key) {
    YNode node = map.get(key);
    if (node instanceof YNull) {
      return List.of();
    }
    List<YScalar> out = new ArrayList<>();
    if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s) {
          out.add(s);
        } else {
          fail(ctx.in(key, item.position()), Messages.format(Messages.NOT_A_STRING_LIST, key));
        }
      }
      return out;
    }
    fail(keyCtx(ctx, map, key), Messages.format(Messages.NOT_A_STRING_LIST, key));
    throw new AssertionError();
  }

  void unknownKeys(Context ctx, YMap map, Set<String> known) {
    for (YNode.Entry e : map.entries().values()) {
      if (!known.contains(e.key())) {
        reporter.warn(
            LOAD_UNKNOWN_KEY, ctx.in("key", e.keyPosition()), Messages.UNKNOWN_KEY, e.key());
      }
    }
  }

  static Context keyCtx(Context ctx, YMap map, String key) {
    YNode.Entry e = map.entries().get(key);
    return e == null ? ctx : ctx.in(key.replace('_', ' '), e.value().position());
  }

  void fail(Context ctx, String message) {
    reporter.error(LOAD_ERR_YAML_VALIDATE, ctx, "%s", message);
    throw new Stop();
  }
}
