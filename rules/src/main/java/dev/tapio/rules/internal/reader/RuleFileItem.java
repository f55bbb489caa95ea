package dev.tapio.rules.internal.reader;

import dev.tapio.api.alert.Priority;
import dev.tapio.rules.diagnostics.SourcePosition;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.yaml.YNode;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One top-level item of a rules file, as written, with positions. Absent keys are null. */
public sealed interface RuleFileItem {

  /** The item's context chain (file, then the item itself). */
  Context context();

  SourcePosition position();

  record EngineVersion(Context context, SourcePosition position, String version)
      implements RuleFileItem {}

  record PluginVersions(Context context, SourcePosition position, List<String> plugins)
      implements RuleFileItem {}

  record ListDef(
      Context context,
      SourcePosition position,
      String name,
      @Nullable List<YScalar> items,
      boolean append,
      Map<String, OverrideMode> override)
      implements RuleFileItem {}

  record MacroDef(
      Context context,
      SourcePosition position,
      String name,
      @Nullable YScalar condition,
      boolean append,
      Map<String, OverrideMode> override)
      implements RuleFileItem {}

  /**
   * A rule as written.
   *
   * @param present the keys the item has, to check {@code override} against
   */
  record RuleDef(
      Context context,
      SourcePosition position,
      String name,
      @Nullable YScalar condition,
      @Nullable String output,
      @Nullable String desc,
      @Nullable Priority priority,
      @Nullable String source,
      @Nullable Boolean enabled,
      @Nullable List<String> tags,
      @Nullable List<ExceptionDef> exceptions,
      @Nullable Boolean warnEvttypes,
      @Nullable Boolean skipIfUnknownFilter,
      @Nullable Boolean capture,
      @Nullable String captureDuration,
      boolean append,
      Map<String, OverrideMode> override,
      Set<String> present)
      implements RuleFileItem {}

  /**
   * One rule exception as written.
   *
   * @param fields the field names; {@code fieldsScalar} when written as one scalar
   * @param comps the operators; {@code compsScalar} when written as one scalar; null when absent
   * @param values the rows (for tuple form) or the values (scalar form); each element a scalar or a
   *     sequence of scalars
   */
  record ExceptionDef(
      Context context,
      SourcePosition position,
      String name,
      @Nullable List<String> fields,
      boolean fieldsScalar,
      @Nullable List<String> comps,
      boolean compsScalar,
      @Nullable List<YNode> values) {

    /** The same exception with {@code values} as its values. */
    public ExceptionDef withValues(@Nullable List<YNode> values) {
      return new ExceptionDef(
          context, position, name, fields, fieldsScalar, comps, compsScalar, values);
    }
  }

  /**
   * A correlation (Tapio's extension, not Falco's): steps over time joined by key fields.
   *
   * @param within the window as written (checked by the compiler)
   * @param count for a threshold, how many matches fire it
   * @param maxKeys how many keys it keeps state for at most, or null for the default
   */
  record CorrelationDef(
      Context context,
      SourcePosition position,
      String name,
      @Nullable String desc,
      dev.tapio.rules.CompiledCorrelation.Kind kind,
      List<StepDef> steps,
      List<KeyDef> by,
      YScalar within,
      int count,
      String output,
      Priority priority,
      List<String> tags,
      boolean enabled,
      @Nullable Integer maxKeys)
      implements RuleFileItem {}

  /**
   * One step of a correlation: a condition, or the condition of an existing rule.
   *
   * @param name what outputs call it ({@code %name.proc.cmdline}); {@code stepN} when not given
   */
  record StepDef(
      Context context, String name, @Nullable YScalar condition, @Nullable YScalar rule) {}

  /**
   * One join key: a field every step shares, or for each step its own field ({@code {write:
   * fd.name, run: proc.exepath}}).
   */
  record KeyDef(Context context, Map<String, YScalar> fieldByStep, @Nullable YScalar field) {}
}
