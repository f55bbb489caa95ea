package dev.tapio.rules.internal.compiler;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_COMPILE_CONDITION;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNUSED_LIST;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNUSED_MACRO;

import dev.tapio.grammar.Expr;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.diagnostics.Location;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.collector.Collected.ListInfo;
import dev.tapio.rules.internal.collector.Collected.MacroInfo;
import dev.tapio.rules.internal.collector.Collected.RuleInfo;
import dev.tapio.rules.internal.collector.RuleCollector;
import dev.tapio.rules.internal.condition.Origin;
import dev.tapio.rules.internal.condition.Origins;
import dev.tapio.rules.internal.condition.Pos;
import dev.tapio.rules.internal.condition.TextEdits;
import dev.tapio.rules.internal.drools.RuleCode;
import dev.tapio.rules.internal.eval.EventPredicate;
import dev.tapio.rules.internal.eval.PredicateClasses;
import dev.tapio.rules.internal.eval.SharedChecks;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.reader.RuleFileItem.CorrelationDef;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.report.Reporter;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles everything collected so far into rules, reporting problems with their places. The steps
 * are Falco's: lists (earlier lists expanded), macros (parsed, each checked against the macros
 * before it), rules (each through {@link RulePasses}), then the checks several rules share are
 * wrapped to remember their result, and unused lists and macros are reported.
 */
public final class RuleCompiler {

  private final Reporter reporter;
  private final FieldCatalog catalog;
  private final Set<String> usedLists = new HashSet<>();
  private final Set<String> usedMacros = new HashSet<>();
  private final Origins origins = new Origins();
  private List<CompiledCorrelation> correlations = List.of();

  public RuleCompiler(Reporter reporter, FieldCatalog catalog) {
    this.reporter = reporter;
    this.catalog = catalog;
  }

  public List<RuleCode> compile(RuleCollector c) {
    Map<String, List<String>> lists = lists(c.lists());
    Map<String, Expr> macros = macros(c.macros(), lists);
    SharedChecks shared = new SharedChecks();
    CompilerContext cx =
        new CompilerContext(
            reporter,
            catalog,
            lists,
            macros,
            usedLists,
            usedMacros,
            shared,
            origins,
            new HashSet<>());
    List<RuleCode> out = new ArrayList<>();
    int index = 0;
    for (RuleInfo r : c.rules().values()) {
      RuleCode compiled = new RulePasses(cx, r, index).run();
      if (compiled != null) {
        out.add(compiled);
      }
      index++;
    }
    List<CorrelationCompiler.Pending> pending = new ArrayList<>();
    CorrelationCompiler correlate = new CorrelationCompiler(cx);
    for (CorrelationDef d : c.correlations().values()) {
      CorrelationCompiler.Pending p = correlate.compile(d, c.rules().keySet(), index);
      index += d.steps().size();
      if (p != null) {
        pending.add(p);
      }
    }
    shared.share();
    out.replaceAll(RuleCompiler::withSharedChecks);
    Map<String, RuleCode> byName = new LinkedHashMap<>();
    out.forEach(r -> byName.put(r.name(), r));
    List<CompiledCorrelation> compiled = new ArrayList<>();
    for (CorrelationCompiler.Pending p : pending) {
      CompiledCorrelation cc =
          CorrelationCompiler.finish(p, compiled.size(), byName, RuleCompiler::withSharedChecks);
      if (cc != null) {
        compiled.add(cc);
      }
    }
    correlations = List.copyOf(compiled);
    reportUnused(c);
    return out;
  }

  /** The correlations {@link #compile} compiled, in definition order. */
  public List<CompiledCorrelation> correlations() {
    return correlations;
  }

  /** Lists and macros no rule (or other list or macro) uses: Falco warns about both. */
  private void reportUnused(RuleCollector c) {
    for (ListInfo l : c.lists().values()) {
      if (!usedLists.contains(l.name)) {
        reporter.warn(LOAD_UNUSED_LIST, l.context, Messages.UNUSED_LIST);
      }
    }
    for (MacroInfo m : c.macros().values()) {
      if (!usedMacros.contains(m.name)) {
        reporter.warn(LOAD_UNUSED_MACRO, m.context, Messages.UNUSED_MACRO);
      }
    }
  }

  /**
   * The rule with its predicates running shared checks only where they are shared, each generated
   * as straight-line code when first tested (not at every start for every rule and type).
   */
  private static RuleCode withSharedChecks(RuleCode r) {
    Map<String, EventPredicate> byType = new LinkedHashMap<>();
    r.predicatesByType()
        .forEach(
            (type, p) ->
                byType.put(
                    type,
                    PredicateClasses.lazy(
                        SharedChecks.finish(p), "Rule" + r.index() + "_" + type)));
    return r.withPredicates(
        PredicateClasses.lazy(SharedChecks.finish(r.predicate()), "Rule" + r.index()), byType);
  }

  /** Items naming an earlier list are replaced by that list's items. */
  private Map<String, List<String>> lists(Map<String, ListInfo> infos) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ListInfo l : infos.values()) {
      List<String> items = new ArrayList<>();
      for (YScalar item : l.items) {
        List<String> earlier = out.get(item.text());
        if (earlier != null) {
          items.addAll(earlier);
          usedLists.add(item.text());
        } else {
          items.add(item.text());
        }
      }
      out.put(l.name, items);
    }
    return out;
  }

  /**
   * Each macro parsed once (lists substituted as text), its tree registered with the macro's text
   * as origin; expanding it with the macros up to itself finds references to later macros and
   * loops.
   */
  private Map<String, Expr> macros(Map<String, MacroInfo> infos, Map<String, List<String>> lists) {
    Map<String, Expr> parsed = new LinkedHashMap<>();
    for (MacroInfo m : infos.values()) {
      TextEdits edits = TextEdits.none();
      edits.originalLength(m.conditionScalar.text().length());
      String text = ListSubstitution.apply(m.condition, lists, edits, usedLists);
      Origin origin = new Origin(m.context, m.conditionScalar, edits, text, m.name);
      switch (ConditionParsing.parse(text, origin, origins)) {
        case ConditionParsing.Parsed.Ok ok -> parsed.put(m.name, ok.expr());
        case ConditionParsing.Parsed.Failed e ->
            reporter.error(LOAD_ERR_COMPILE_CONDITION, origin.at(e.offset()), "%s", e.message());
      }
    }
    // a macro sees the macros defined up to itself
    Map<String, Expr> visible = new LinkedHashMap<>();
    for (Map.Entry<String, Expr> m : parsed.entrySet()) {
      visible.put(m.getKey(), m.getValue());
      try {
        new MacroExpander(new LinkedHashMap<>(visible), usedMacros, origins)
            .within(m.getKey())
            .expand(m.getValue());
      } catch (CompileError e) {
        report(e, java.util.Objects.requireNonNull(infos.get(m.getKey())).context);
      }
    }
    return parsed;
  }

  private void report(CompileError e, Context itemContext) {
    reporter.error(e.code(), where(e.pos(), itemContext), "%s", String.valueOf(e.getMessage()));
  }

  /**
   * The context chain of a position: inside the item itself, or, for a node that came from a macro,
   * the item followed by the macro and the place in the macro.
   */
  static Context where(@org.jspecify.annotations.Nullable Pos pos, Context itemContext) {
    if (pos == null) {
      return itemContext;
    }
    Origin o = pos.origin();
    Context at = o.at(pos.offset());
    if (o.macroName() == null || o.context().equals(itemContext)) {
      return at;
    }
    List<Location> chain = new ArrayList<>(itemContext.locations());
    List<Location> inner = at.locations();
    chain.addAll(inner.subList(1, inner.size()));
    return new Context(chain);
  }
}
