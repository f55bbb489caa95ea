package dev.tapio.rules.internal.compiler;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_VALIDATE;

import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.ConditionTrace;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.collector.Collected.RuleInfo;
import dev.tapio.rules.internal.correlate.CorrelationOutput;
import dev.tapio.rules.internal.correlate.Step;
import dev.tapio.rules.internal.drools.RuleCode;
import dev.tapio.rules.internal.eval.EventPredicate;
import dev.tapio.rules.internal.fields.FieldAccessor;
import dev.tapio.rules.internal.reader.RuleFileItem.CorrelationDef;
import dev.tapio.rules.internal.reader.RuleFileItem.KeyDef;
import dev.tapio.rules.internal.reader.RuleFileItem.StepDef;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Compiles correlations, after the rules: a step's own condition goes through the same {@link
 * RulePasses} as a rule's (so it means exactly what it would in a rule, and shares checks with the
 * rules); a step naming a rule takes that rule's compiled condition. Keys, the window and the
 * output (with {@code %step.field} tokens) are checked here, each problem placed at its scalar.
 */
final class CorrelationCompiler {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  /** A correlation whose steps still wait for the rules' shared checks to be settled. */
  record Pending(
      CorrelationDef def,
      List<@Nullable RuleCode> conditions,
      List<List<FieldAccessor>> keys,
      Duration within,
      CorrelationOutput output) {}

  private final CompilerContext cx;

  CorrelationCompiler(CompilerContext cx) {
    this.cx = cx;
  }

  /** Phase one, before checks are shared: null when the correlation is invalid (reported). */
  @Nullable Pending compile(CorrelationDef def, Set<String> ruleNames, int firstIndex) {
    boolean ok = true;
    List<@Nullable RuleCode> conditions = new ArrayList<>();
    int index = firstIndex;
    for (StepDef s : def.steps()) {
      YScalar rule = s.rule();
      YScalar condition = s.condition();
      if (rule != null) {
        conditions.add(null);
        if (!ruleNames.contains(rule.text())) {
          error(
              s.context().in("rule", rule.position()),
              Messages.format(Messages.STEP_UNKNOWN_RULE, s.name(), rule.text()));
          ok = false;
        }
      } else {
        RuleInfo info =
            new RuleInfo(
                def.name() + " / " + s.name(),
                s.context(),
                Objects.requireNonNull(condition),
                "",
                "",
                def.priority(),
                "syscall");
        info.enabled = def.enabled();
        RuleCode compiled = new RulePasses(cx, info, index++).run();
        conditions.add(compiled);
        ok &= compiled != null;
      }
    }
    List<List<FieldAccessor>> keys = keys(def);
    Duration within = duration(def);
    CorrelationOutput output = output(def);
    if (!ok || keys == null || within == null || output == null) {
      return null;
    }
    return new Pending(def, conditions, keys, within, output);
  }

  /**
   * Phase two: the steps with their final conditions ({@code share} applied to a step's own, the
   * named rule's as compiled); null when a named rule did not compile (its error is reported).
   */
  static @Nullable CompiledCorrelation finish(
      Pending p, int index, Map<String, RuleCode> rules, UnaryOperator<RuleCode> share) {
    CorrelationDef def = p.def();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < def.steps().size(); i++) {
      StepDef s = def.steps().get(i);
      RuleCode own = p.conditions().get(i);
      YScalar rule = s.rule();
      RuleCode condition = own != null ? share.apply(own) : rules.get(requireText(rule));
      if (condition == null) {
        return null;
      }
      steps.add(new Step(s.name(), condition, rule == null ? null : rule.text(), p.keys().get(i)));
    }
    return new CompiledCorrelation(
        index,
        def.name(),
        def.desc() == null ? "" : def.desc(),
        def.kind(),
        steps,
        def.by().stream().map(CorrelationCompiler::keyText).toList(),
        p.within(),
        def.count(),
        def.maxKeys() == null ? CompiledCorrelation.DEFAULT_MAX_KEYS : def.maxKeys(),
        def.priority(),
        Set.copyOf(def.tags()),
        def.enabled(),
        p.output(),
        asRule(def, steps, p.output().format()));
  }

  private static String requireText(@Nullable YScalar s) {
    return Objects.requireNonNull(s).text();
  }

  /** The correlation seen as a rule: its name and metadata, the event types of its steps. */
  private static RuleCode asRule(CorrelationDef def, List<Step> steps, OutputFormat output) {
    Set<String> types = new TreeSet<>();
    boolean any = false;
    for (Step s : steps) {
      types.addAll(s.condition().eventTypes());
      any |= s.condition().anyEventType();
    }
    return new RuleCode(
        -1,
        def.name(),
        def.desc() == null ? "" : def.desc(),
        def.priority(),
        Set.copyOf(def.tags()),
        "syscall",
        def.enabled(),
        def.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " of "
            + steps.stream().map(Step::name).toList(),
        any ? Set.of() : types,
        any,
        EventPredicate.NEVER,
        Map.of(),
        Map.of(),
        output,
        ConditionTrace.NONE,
        // what the kernel must let through for the steps: the union of their conditions' filters
        KernelFilterPass.union(
            steps.stream().map(s -> s.condition().kernelFilter()).toList(),
            KernelFilterPass.OPEN_TYPES));
  }

  private static String keyText(KeyDef k) {
    YScalar field = k.field();
    if (field != null) {
      return field.text();
    }
    List<String> pairs = new ArrayList<>();
    k.fieldByStep().forEach((step, f) -> pairs.add(step + ": " + f.text()));
    return "{" + String.join(", ", pairs) + "}";
  }

  /** For each step, its key fields resolved, in key order; null when one is unknown. */
  private @Nullable List<List<FieldAccessor>> keys(CorrelationDef def) {
    List<List<FieldAccessor>> out = new ArrayList<>();
    boolean ok = true;
    for (StepDef s : def.steps()) {
      List<FieldAccessor> accessors = new ArrayList<>();
      for (KeyDef k : def.by()) {
        YScalar field = k.field() != null ? k.field() : k.fieldByStep().get(s.name());
        FieldAccessor a = field == null ? null : accessor(field.text());
        if (a == null) {
          if (field != null && (k.field() == null || s == def.steps().getFirst())) {
            error(
                k.context().in("field", field.position()),
                Messages.format(Messages.KEY_UNKNOWN_FIELD, field.text()));
          }
          ok = false;
        } else {
          accessors.add(a);
        }
      }
      out.add(accessors);
    }
    return ok ? out : null;
  }

  private @Nullable FieldAccessor accessor(String field) {
    try {
      OutputFormat f = new OutputCompiler(new PredicateCompiler(cx.catalog())).compile("%" + field);
      if (f.parts().size() == 1
          && f.parts().getFirst() instanceof OutputFormat.Token t
          && t.name().equals(field)) {
        return t.accessor();
      }
    } catch (CompileError e) {
      // unknown: reported by the caller
    }
    return null;
  }

  private @Nullable Duration duration(CorrelationDef def) {
    Matcher m = DURATION.matcher(def.within().text().strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      error(
          def.context().in("within", def.within().position()),
          Messages.format(Messages.BAD_DURATION, def.within().text()));
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /**
   * The output: each {@code %step.} prefix taken off its token and remembered, the rest compiled as
   * a rule's output is.
   */
  private @Nullable CorrelationOutput output(CorrelationDef def) {
    String format = def.output();
    Collection<String> names = def.steps().stream().map(StepDef::name).toList();
    StringBuilder stripped = new StringBuilder();
    List<@Nullable String> tokenSteps = new ArrayList<>();
    int i = 0;
    while (i < format.length()) {
      char ch = format.charAt(i++);
      stripped.append(ch);
      if (ch != '%') {
        continue;
      }
      int j = i;
      while (j < format.length() && Character.isDigit(format.charAt(j))) {
        j++;
      }
      stripped.append(format, i, j);
      String step = null;
      for (String n : names) {
        if (format.startsWith(n + ".", j)) {
          step = n;
        }
      }
      tokenSteps.add(step);
      i = step == null ? j : j + step.length() + 1;
    }
    try {
      OutputFormat compiled =
          new OutputCompiler(new PredicateCompiler(cx.catalog())).compile(stripped.toString());
      return new CorrelationOutput(new OutputFormat(format, compiled.parts()), tokenSteps);
    } catch (CompileError e) {
      cx.reporter().error(e.code(), def.context(), "%s", String.valueOf(e.getMessage()));
      return null;
    }
  }

  private void error(Context where, String message) {
    cx.reporter().error(LOAD_ERR_VALIDATE, where, "%s", message);
  }
}
