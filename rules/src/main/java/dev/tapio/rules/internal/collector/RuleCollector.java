package dev.tapio.rules.internal.collector;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_APPEND_NO_VALUES;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_DEPRECATED_ITEM;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_VALIDATE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_EXCEPTION_NAME_NOT_UNIQUE;

import dev.tapio.rules.diagnostics.Location;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.collector.Collected.ListInfo;
import dev.tapio.rules.internal.collector.Collected.MacroInfo;
import dev.tapio.rules.internal.collector.Collected.RuleInfo;
import dev.tapio.rules.internal.reader.OverrideMode;
import dev.tapio.rules.internal.reader.RuleFileItem;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.reader.RuleFileItem.ListDef;
import dev.tapio.rules.internal.reader.RuleFileItem.MacroDef;
import dev.tapio.rules.internal.reader.RuleFileItem.RuleDef;
import dev.tapio.rules.internal.report.Reporter;
import dev.tapio.rules.internal.yaml.YNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects items from every file into one set, in load order. A redefinition replaces the old
 * definition in its old place; {@code append} and {@code override} follow Falco's table.
 */
public final class RuleCollector {

  private static final Set<String> RULE_APPENDABLE =
      Set.of("condition", "output", "desc", "tags", "exceptions");
  private static final Set<String> RULE_REPLACEABLE =
      Set.of(
          "condition",
          "output",
          "desc",
          "priority",
          "tags",
          "exceptions",
          "enabled",
          "capture",
          "capture_duration",
          "warn_evttypes",
          "skip-if-unknown-filter");

  private final Reporter reporter;
  private final Map<String, ListInfo> lists = new LinkedHashMap<>();
  private final Map<String, MacroInfo> macros = new LinkedHashMap<>();
  private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
  private final List<String> engineVersions = new ArrayList<>();
  private final Map<String, RuleFileItem.CorrelationDef> correlations = new LinkedHashMap<>();

  private final Map<String, String> changedIn = new HashMap<>();

  public RuleCollector(Reporter reporter) {
    this.reporter = reporter;
  }

  public Map<String, ListInfo> lists() {
    return lists;
  }

  public Map<String, MacroInfo> macros() {
    return macros;
  }

  public Map<String, RuleInfo> rules() {
    return rules;
  }

  /** The correlations by name, in definition order; a redefinition replaces the earlier one. */
  public Map<String, RuleFileItem.CorrelationDef> correlations() {
    return correlations;
  }

  public List<String> engineVersions() {
    return engineVersions;
  }

  /**
   * The file that last defined or changed each list, macro, rule and correlation, by {@code "type
   * name"} ({@code "rule Etc opened"}): a compile problem of the whole collection belongs there.
   */
  public Map<String, String> changedIn() {
    return changedIn;
  }

  /** Adds the items of one file; stops at the file's first error, as Falco does. */
  public void collect(List<RuleFileItem> items) {
    for (RuleFileItem item : items) {
      boolean ok =
          switch (item) {
            case RuleFileItem.EngineVersion v -> engineVersion(v);
            case RuleFileItem.PluginVersions p -> true;
            case ListDef l -> list(l);
            case MacroDef m -> macro(m);
            case RuleDef r -> rule(r);
            case RuleFileItem.CorrelationDef c -> {
              correlations.put(c.name(), c);
              yield true;
            }
          };
      if (!ok) {
        return;
      }
      if (!item.context().locations().isEmpty()) {
        Location own = item.context().locations().getLast();
        changedIn.put(own.itemType() + " " + own.itemName(), own.position().name());
      }
    }
  }

  /** The engine version whose rule language Tapio implements (Falco 0.42). */
  public static final String ENGINE_VERSION = "0.57.0";

  private boolean engineVersion(RuleFileItem.EngineVersion v) {
    int[] required = semver(v.version());
    if (required == null) {
      reporter.error(LOAD_ERR_YAML_VALIDATE, v.context(), Messages.INVALID_ENGINE_VERSION);
      return false;
    }
    int[] engine = java.util.Objects.requireNonNull(semver(ENGINE_VERSION));
    if (java.util.Arrays.compare(required, engine) > 0) {
      reporter.error(
          LOAD_ERR_VALIDATE,
          v.context(),
          Messages.ENGINE_VERSION_TOO_NEW,
          required[0] + "." + required[1] + "." + required[2],
          ENGINE_VERSION);
      return false;
    }
    engineVersions.add(v.version());
    return true;
  }

  /** {@code x.y.z}, or a bare integer N meaning {@code 0.N.0}; null when neither. */
  static int @org.jspecify.annotations.Nullable [] semver(String text) {
    String t = text.strip();
    try {
      if (t.matches("\\d+")) {
        return new int[] {0, Integer.parseInt(t), 0};
      }
      if (t.matches("\\d+\\.\\d+\\.\\d+")) {
        String[] p = t.split("\\.", -1);
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private boolean list(ListDef l) {
    List<YNode.YScalar> items = Objects.requireNonNull(l.items());
    if (l.append() && !l.override().isEmpty()) {
      return error(l, Messages.APPEND_WITH_OVERRIDE);
    }
    if (l.append()) {
      reporter.warn(LOAD_DEPRECATED_ITEM, l.context(), Messages.APPEND_DEPRECATED);
    }
    for (Map.Entry<String, OverrideMode> o : l.override().entrySet()) {
      if (!o.getKey().equals("items")) {
        return error(l, Messages.format(Messages.OVERRIDE_UNKNOWN_KEY, o.getKey()));
      }
    }
    OverrideMode mode = l.append() ? OverrideMode.APPEND : l.override().get("items");
    ListInfo existing = lists.get(l.name());
    if (mode == null) {
      if (existing == null) {
        lists.put(l.name(), new ListInfo(l.name(), l.context(), items));
      } else {
        existing.context = l.context();
        existing.items = new ArrayList<>(items);
      }
      return true;
    }
    if (existing == null) {
      return error(l, Messages.APPEND_MISSING_LIST);
    }
    if (items.isEmpty()) {
      reporter.warn(LOAD_APPEND_NO_VALUES, l.context(), Messages.APPEND_NO_VALUES, "items");
    }
    if (mode == OverrideMode.APPEND) {
      existing.items.addAll(items);
    } else {
      existing.items = new ArrayList<>(items);
    }
    return true;
  }

  private boolean macro(MacroDef m) {
    YNode.YScalar cond = Objects.requireNonNull(m.condition());
    if (m.append() && !m.override().isEmpty()) {
      return error(m, Messages.APPEND_WITH_OVERRIDE);
    }
    if (m.append()) {
      reporter.warn(LOAD_DEPRECATED_ITEM, m.context(), Messages.APPEND_DEPRECATED);
    }
    for (String key : m.override().keySet()) {
      if (!key.equals("condition")) {
        return error(m, Messages.format(Messages.OVERRIDE_UNKNOWN_KEY, key));
      }
    }
    OverrideMode mode = m.append() ? OverrideMode.APPEND : m.override().get("condition");
    MacroInfo existing = macros.get(m.name());
    if (mode == null) {
      if (existing == null) {
        macros.put(m.name(), new MacroInfo(m.name(), m.context(), cond));
      } else {
        existing.context = m.context();
        existing.condition = cond.text();
        existing.conditionScalar = cond;
      }
      return true;
    }
    if (existing == null) {
      return error(m, Messages.APPEND_MISSING_MACRO);
    }
    if (mode == OverrideMode.APPEND) {
      existing.condition = existing.condition + " " + cond.text();
    } else {
      existing.condition = cond.text();
      existing.conditionScalar = cond;
      existing.context = m.context();
    }
    return true;
  }

  private boolean rule(RuleDef r) {
    if (r.append() && !r.override().isEmpty()) {
      return error(r, Messages.APPEND_WITH_OVERRIDE);
    }
    RuleInfo existing = rules.get(r.name());
    if (r.append()) {
      reporter.warn(LOAD_DEPRECATED_ITEM, r.context(), Messages.APPEND_DEPRECATED);
      if (existing == null) {
        return error(r, Messages.APPEND_MISSING_RULE);
      }
      for (String key : RULE_APPENDABLE) {
        if (r.present().contains(key) && !appendRule(existing, r, key)) {
          return false;
        }
      }
      return true;
    }
    if (!r.override().isEmpty()) {
      return overrideRule(existing, r);
    }
    if (r.condition() == null) {
      // enabled-only item
      if (existing == null) {
        return error(r, Messages.ENABLE_MISSING_RULE);
      }
      reporter.warn(LOAD_DEPRECATED_ITEM, r.context(), Messages.ENABLED_ONLY_DEPRECATED);
      existing.enabled = Objects.requireNonNull(r.enabled());
      return true;
    }
    String source = r.source() == null ? "syscall" : r.source();
    if (existing != null && !existing.source.equals(source) && r.source() != null) {
      return error(r, Messages.format(Messages.SOURCE_MISMATCH, existing.source, source));
    }
    RuleInfo info =
        new RuleInfo(
            r.name(),
            r.context(),
            Objects.requireNonNull(r.condition()),
            Objects.requireNonNull(r.output()),
            Objects.requireNonNull(r.desc()),
            Objects.requireNonNull(r.priority()),
            source);
    info.explicitSource = r.source() != null;
    if (r.enabled() != null) {
      info.enabled = r.enabled();
    }
    if (r.tags() != null) {
      info.tags.addAll(r.tags());
    }
    if (r.exceptions() != null && !addExceptions(info, r.exceptions(), false)) {
      return false;
    }
    info.warnEvttypes = r.warnEvttypes() == null || r.warnEvttypes();
    info.skipIfUnknownFilter = r.skipIfUnknownFilter() != null && r.skipIfUnknownFilter();
    info.capture = r.capture() != null && r.capture();
    info.captureDuration = r.captureDuration();
    rules.put(r.name(), info);
    return true;
  }

  private boolean overrideRule(@org.jspecify.annotations.Nullable RuleInfo existing, RuleDef r) {
    if (existing == null) {
      return error(r, Messages.APPEND_MISSING_RULE);
    }
    for (Map.Entry<String, OverrideMode> o : r.override().entrySet()) {
      String key = o.getKey();
      if (!RULE_REPLACEABLE.contains(key)) {
        return error(r, Messages.format(Messages.OVERRIDE_UNKNOWN_KEY, key));
      }
      if (o.getValue() == OverrideMode.APPEND && !RULE_APPENDABLE.contains(key)) {
        return error(r, Messages.format(Messages.OVERRIDE_NO_APPEND, key));
      }
      if (!r.present().contains(key)) {
        return error(r, Messages.format(Messages.OVERRIDE_KEY_MISSING, key, key));
      }
    }
    for (String key : r.present()) {
      if (RULE_REPLACEABLE.contains(key) && !r.override().containsKey(key)) {
        return error(r, Messages.format(Messages.OVERRIDE_KEY_UNLISTED, key));
      }
    }
    for (Map.Entry<String, OverrideMode> o : r.override().entrySet()) {
      boolean ok =
          o.getValue() == OverrideMode.APPEND
              ? appendRule(existing, r, o.getKey())
              : replaceRule(existing, r, o.getKey());
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean appendRule(RuleInfo existing, RuleDef r, String key) {
    switch (key) {
      case "condition" ->
          existing.condition =
              existing.condition + " " + Objects.requireNonNull(r.condition()).text();
      case "output" -> existing.output = existing.output + " " + Objects.requireNonNull(r.output());
      case "desc" -> existing.desc = existing.desc + " " + Objects.requireNonNull(r.desc());
      case "tags" -> existing.tags.addAll(Objects.requireNonNull(r.tags()));
      case "exceptions" -> {
        return addExceptions(existing, Objects.requireNonNull(r.exceptions()), true);
      }
      default -> throw new IllegalArgumentException(key);
    }
    return true;
  }

  private boolean replaceRule(RuleInfo existing, RuleDef r, String key) {
    switch (key) {
      case "condition" -> {
        existing.conditionScalar = Objects.requireNonNull(r.condition());
        existing.condition = existing.conditionScalar.text();
      }
      case "output" -> existing.output = Objects.requireNonNull(r.output());
      case "desc" -> existing.desc = Objects.requireNonNull(r.desc());
      case "priority" -> existing.priority = Objects.requireNonNull(r.priority());
      case "tags" ->
          existing.tags = new java.util.LinkedHashSet<>(Objects.requireNonNull(r.tags()));
      case "exceptions" -> {
        existing.exceptions = new ArrayList<>();
        return addExceptions(existing, Objects.requireNonNull(r.exceptions()), false);
      }
      case "enabled" -> existing.enabled = Objects.requireNonNull(r.enabled());
      case "capture" -> existing.capture = Boolean.TRUE.equals(r.capture());
      case "capture_duration" -> existing.captureDuration = r.captureDuration();
      case "warn_evttypes" -> existing.warnEvttypes = !Boolean.FALSE.equals(r.warnEvttypes());
      case "skip-if-unknown-filter" ->
          existing.skipIfUnknownFilter = Boolean.TRUE.equals(r.skipIfUnknownFilter());
      default -> throw new IllegalArgumentException(key);
    }
    return true;
  }

  private boolean addExceptions(RuleInfo rule, List<ExceptionDef> defs, boolean append) {
    Set<String> seen = new HashSet<>();
    for (ExceptionDef e : defs) {
      if (!seen.add(e.name())) {
        reporter.warn(
            LOAD_EXCEPTION_NAME_NOT_UNIQUE,
            e.context(),
            Messages.EXCEPTION_NAME_NOT_UNIQUE,
            e.name());
      }
      int idx = indexOf(rule.exceptions, e.name());
      if (append && idx >= 0) {
        ExceptionDef old = rule.exceptions.get(idx);
        if ((e.fields() != null && !e.fields().equals(old.fields()))
            || (e.comps() != null && !e.comps().equals(old.comps()))) {
          reporter.error(
              LOAD_ERR_VALIDATE, e.context(), Messages.EXCEPTION_FIELDS_CHANGED, e.name());
          return false;
        }
        List<YNode> values = new ArrayList<>(old.values() == null ? List.of() : old.values());
        if (e.values() != null) {
          values.addAll(e.values());
        }
        rule.exceptions.set(idx, old.withValues(values));
        continue;
      }
      if (!ExceptionShape.check(reporter, e)) {
        return false;
      }
      if (idx >= 0) {
        rule.exceptions.set(idx, e);
      } else {
        rule.exceptions.add(e);
      }
    }
    return true;
  }

  private static int indexOf(List<ExceptionDef> list, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private boolean error(RuleFileItem item, String message) {
    reporter.error(LOAD_ERR_YAML_VALIDATE, item.context(), "%s", message);
    return false;
  }
}
