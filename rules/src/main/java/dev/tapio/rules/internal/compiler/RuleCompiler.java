package dev.tapio.rules.internal.compiler;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_COMPILE_CONDITION;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_NO_EVTTYPE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNKNOWN_FILTER;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNKNOWN_SOURCE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNUSED_LIST;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNUSED_MACRO;

import dev.tapio.grammar.Expr;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.EventPredicate;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.diagnostics.Location;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.fields.FieldCatalog;
import dev.tapio.rules.internal.collector.Collected.ListInfo;
import dev.tapio.rules.internal.collector.Collected.MacroInfo;
import dev.tapio.rules.internal.collector.Collected.RuleInfo;
import dev.tapio.rules.internal.collector.RuleCollector;
import dev.tapio.rules.internal.condition.Origin;
import dev.tapio.rules.internal.condition.Origins;
import dev.tapio.rules.internal.condition.Pos;
import dev.tapio.rules.internal.condition.TextEdits;
import dev.tapio.rules.internal.eval.PredicateClasses;
import dev.tapio.rules.internal.eval.SharedChecks;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.report.Context;
import dev.tapio.rules.internal.report.Reporter;
import dev.tapio.rules.internal.trace.LazyConditionTrace;
import dev.tapio.rules.internal.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles everything collected so far into rules, reporting problems with their places. */
public final class RuleCompiler {

  /** Falco warns LOAD_NO_EVTTYPE when a rule's set has more types than this. */
  public static final int NO_EVTTYPE_THRESHOLD = 100;

  private static final String CONTAINER_INFO = "%container.info";

  private final Reporter reporter;
  private final FieldCatalog catalog;
  private final Set<String> usedLists = new HashSet<>();
  private final Set<String> usedMacros = new HashSet<>();
  private final Origins origins = new Origins();

  public RuleCompiler(Reporter reporter, FieldCatalog catalog) {
    this.reporter = reporter;
    this.catalog = catalog;
  }

  public List<CompiledRule> compile(RuleCollector c) {
    Map<String, List<String>> lists = lists(c.lists());
    Map<String, Expr> macros = macros(c.macros(), lists);
    List<CompiledRule> out = new ArrayList<>();
    SharedChecks shared = new SharedChecks();
    int index = 0;
    for (RuleInfo r : c.rules().values()) {
      CompiledRule compiled = rule(r, index, lists, macros, shared);
      if (compiled != null) {
        out.add(compiled);
      }
      index++;
    }
    shared.share();
    out.replaceAll(RuleCompiler::withSharedChecks);
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
    return out;
  }

  /** The rule with its predicates running shared checks only where they are shared. */
  private static CompiledRule withSharedChecks(CompiledRule r) {
    Map<String, EventPredicate> byType = new LinkedHashMap<>();
    r.predicatesByType()
        .forEach(
            (type, p) ->
                byType.put(
                    type,
                    PredicateClasses.generate(
                        SharedChecks.finish(p), "Rule" + r.index() + "_" + type)));
    return new CompiledRule(
        r.index(),
        r.name(),
        r.description(),
        r.priority(),
        r.tags(),
        r.source(),
        r.enabled(),
        r.condition(),
        r.eventTypes(),
        r.anyEventType(),
        PredicateClasses.generate(SharedChecks.finish(r.predicate()), "Rule" + r.index()),
        byType,
        r.indexedChecks(),
        r.output(),
        r.trace());
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

  private @org.jspecify.annotations.Nullable CompiledRule rule(
      RuleInfo r,
      int index,
      Map<String, List<String>> lists,
      Map<String, Expr> macros,
      SharedChecks shared) {
    if (!r.source.equals("syscall")) {
      reporter.warn(LOAD_UNKNOWN_SOURCE, r.context, Messages.UNKNOWN_SOURCE, r.source);
      return null;
    }
    PredicateCompiler predicates = new PredicateCompiler(catalog, shared, origins);
    String text;
    try {
      for (ExceptionDef ex : r.exceptions) {
        if (ex.fields() != null) {
          for (String f : ex.fields()) {
            if (catalog.lookup(f.contains("[") ? f.substring(0, f.indexOf('[')) : f).isEmpty()) {
              reporter.error(
                  dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE,
                  ex.context(),
                  Messages.EXCEPTION_UNKNOWN_FIELD,
                  f);
              return null;
            }
          }
        }
      }
      text = ExceptionText.build(r.condition, r.exceptions);
    } catch (ExceptionText.BadException e) {
      reporter.error(
          dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE,
          e.exception().context(),
          "%s",
          String.valueOf(e.getMessage()));
      return null;
    }
    TextEdits edits = TextEdits.none();
    edits.replaced(0, 0, 1); // the opening parenthesis of "(<cond>)"
    edits.originalLength(r.conditionScalar.text().length());
    String substituted = ListSubstitution.apply(text, lists, edits, usedLists);
    Origin origin = new Origin(r.context, r.conditionScalar, edits, substituted, null);
    try {
      Expr cond =
          switch (ConditionParsing.parse(substituted, origin, origins)) {
            case ConditionParsing.Parsed.Ok ok -> ok.expr();
            case ConditionParsing.Parsed.Failed e ->
                throw new CompileError(e.message(), new Pos(origin, e.offset()));
          };
      Expr expanded = new MacroExpander(macros, usedMacros, origins).expand(cond);
      Set<String> types = new java.util.TreeSet<>(EventTypes.of(expanded));
      boolean any = types.size() > NO_EVTTYPE_THRESHOLD;
      // without type dispatch the rule runs this predicate, with it the per-type ones below
      predicates.countUses(r.enabled && any ? SharedChecks.ANY_TYPE : null, index);
      EventPredicate predicate = predicates.compile(expanded);
      predicates.countUses(null, index);
      String outputText = r.output;
      if (outputText.contains(CONTAINER_INFO)) {
        outputText = outputText.replace(CONTAINER_INFO, "").strip();
        reporter.warn(
            dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_DEPRECATED_ITEM,
            r.context,
            Messages.OUTPUT_CONTAINER_INFO);
      }
      OutputFormat output = new OutputCompiler(predicates).compile(outputText);
      for (PredicateCompiler.Warning w : predicates.warnings()) {
        reporter.warn(w.code(), where(w.pos(), r.context), "%s", w.message());
      }
      Map<String, EventPredicate> byType = new LinkedHashMap<>();
      Map<String, List<dev.tapio.rules.IndexedCheck>> indexed = new LinkedHashMap<>();
      if (!any) {
        PredicateCompiler quiet = new PredicateCompiler(catalog, shared, origins);
        for (String type : List.copyOf(types)) {
          quiet.countUses(r.enabled ? type : null, index);
          switch (TypeSpecializer.fold(expanded, type)) {
            case TypeSpecializer.Folded.True t -> byType.put(type, EventPredicate.ALWAYS);
            case TypeSpecializer.Folded.False f -> types.remove(type);
            case TypeSpecializer.Folded.Left l -> {
              byType.put(type, quiet.compile(l.cond()));
              indexed.put(type, IndexedChecks.of(l.cond(), quiet));
            }
          }
        }
      }
      if (any && r.warnEvttypes) {
        reporter.warn(LOAD_NO_EVTTYPE, r.context, Messages.NO_EVTTYPE);
      }
      return new CompiledRule(
          index,
          r.name,
          r.desc,
          r.priority,
          r.tags,
          r.source,
          r.enabled,
          substituted,
          any ? Set.of() : types,
          any,
          predicate,
          byType,
          indexed,
          output,
          new LazyConditionTrace(cond, macros, catalog));
    } catch (CompileError e) {
      if (r.skipIfUnknownFilter && e.unknownFilter()) {
        reporter.warn(
            LOAD_UNKNOWN_FILTER,
            where(e.pos(), r.context),
            Messages.UNKNOWN_FILTER_SKIPPED,
            String.valueOf(e.getMessage()));
        return null;
      }
      report(e, r.context);
      return null;
    }
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
