package dev.tapio.rules.internal.compiler;

import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_DEPRECATED_ITEM;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_ERR_YAML_VALIDATE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_NO_EVTTYPE;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNKNOWN_FILTER;
import static dev.tapio.rules.diagnostics.DiagnosticCode.LOAD_UNKNOWN_SOURCE;

import dev.tapio.api.filter.KernelFilter;
import dev.tapio.grammar.Expr;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.collector.Collected.RuleInfo;
import dev.tapio.rules.internal.condition.Origin;
import dev.tapio.rules.internal.condition.Pos;
import dev.tapio.rules.internal.condition.TextEdits;
import dev.tapio.rules.internal.drools.IndexedCheck;
import dev.tapio.rules.internal.drools.RuleCode;
import dev.tapio.rules.internal.eval.EventPredicate;
import dev.tapio.rules.internal.eval.SharedChecks;
import dev.tapio.rules.internal.reader.RuleFileItem.ExceptionDef;
import dev.tapio.rules.internal.trace.LazyConditionTrace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One rule through the compiler's passes, in the order {@link #run} lists them. The first passes
 * work on text exactly as Falco's loader does (exceptions appended, lists substituted); from {@link
 * #parse} on, every pass works on the grammar's tree. A pass that finds a problem throws {@link
 * CompileError} (placed by the tree's origins) or reports it and throws {@link Rejected}.
 */
final class RulePasses {

  /** Falco warns LOAD_NO_EVTTYPE when a rule's set has more types than this. */
  static final int NO_EVTTYPE_THRESHOLD = 100;

  private static final String CONTAINER_INFO = "%container.info";

  /** The rule was rejected and the reason already reported. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected() {
      super(null, null, false, false);
    }
  }

  private final CompilerContext cx;
  private final RuleInfo r;
  private final int index;
  private final PredicateCompiler predicates;

  RulePasses(CompilerContext cx, RuleInfo r, int index) {
    this.cx = cx;
    this.r = r;
    this.index = index;
    this.predicates = new PredicateCompiler(cx.catalog(), cx.shared(), cx.origins());
  }

  /** The rule compiled, or null when it is skipped or invalid (the reason is reported). */
  @Nullable RuleCode run() {
    try {
      checkSource();
      String text = buildExceptions();
      Origin origin = substituteLists(text);
      Expr parsed = parse(origin);
      Expr expanded = expandMacros(parsed);
      Set<String> types = eventTypes(expanded);
      boolean any = types.size() > NO_EVTTYPE_THRESHOLD;
      EventPredicate predicate = checkFields(expanded, any);
      OutputFormat output = compileOutput();
      reportWarnings();
      Map<String, EventPredicate> byType = new LinkedHashMap<>();
      Map<String, List<IndexedCheck>> indexed = new LinkedHashMap<>();
      if (!any) {
        specializeTypes(expanded, types, byType, indexed);
      }
      warnNoEventTypes(any);
      KernelFilter kernelFilter = kernelFilter(expanded, types, any);
      return new RuleCode(
          index,
          r.name,
          r.desc,
          r.priority,
          r.tags,
          r.source,
          r.enabled,
          origin.text(),
          any ? Set.of() : types,
          any,
          predicate,
          byType,
          indexed,
          output,
          new LazyConditionTrace(parsed, cx.macros(), cx.catalog()),
          kernelFilter);
    } catch (Rejected e) {
      return null;
    } catch (CompileError e) {
      return rejected(e);
    }
  }

  /** Only syscall rules compile: Falco's other sources (k8s_audit, plugins) have no events here. */
  private void checkSource() throws Rejected {
    if (!r.source.equals("syscall")) {
      cx.reporter().warn(LOAD_UNKNOWN_SOURCE, r.context, Messages.UNKNOWN_SOURCE, r.source);
      throw new Rejected();
    }
  }

  /**
   * Exception building: the rule's exceptions become {@code and not (...)} text after its
   * condition, as Falco builds them, once their fields are known to exist.
   */
  private String buildExceptions() throws Rejected {
    for (ExceptionDef ex : r.exceptions) {
      for (String f : ex.fields() == null ? List.<String>of() : ex.fields()) {
        if (cx.catalog().lookup(f.contains("[") ? f.substring(0, f.indexOf('[')) : f).isEmpty()) {
          cx.reporter()
              .error(LOAD_ERR_YAML_VALIDATE, ex.context(), Messages.EXCEPTION_UNKNOWN_FIELD, f);
          throw new Rejected();
        }
      }
    }
    try {
      return ExceptionText.build(r.condition, r.exceptions);
    } catch (ExceptionText.BadException e) {
      cx.reporter()
          .error(
              LOAD_ERR_YAML_VALIDATE,
              e.exception().context(),
              "%s",
              String.valueOf(e.getMessage()));
      throw new Rejected();
    }
  }

  /**
   * List substitution: list names are replaced by their items as text (Falco's bug-compatible
   * step); the edits are kept so positions in the result map back to the YAML scalar.
   */
  private Origin substituteLists(String text) {
    TextEdits edits = TextEdits.none();
    edits.replaced(0, 0, 1); // the opening parenthesis of "(<cond>)"
    edits.originalLength(r.conditionScalar.text().length());
    String substituted = ListSubstitution.apply(text, cx.lists(), edits, cx.usedLists());
    return new Origin(r.context, r.conditionScalar, edits, substituted, null);
  }

  /** Parsing: the grammar's tree, its nodes registered with the rule's text as their origin. */
  private Expr parse(Origin origin) throws CompileError {
    return switch (ConditionParsing.parse(origin.text(), origin, cx.origins())) {
      case ConditionParsing.Parsed.Ok ok -> ok.expr();
      case ConditionParsing.Parsed.Failed e ->
          throw new CompileError(e.message(), new Pos(origin, e.offset()));
    };
  }

  /** Macro expansion: every macro reference replaced by the macro's tree (rules see all macros). */
  private Expr expandMacros(Expr parsed) throws CompileError {
    return new MacroExpander(cx.macros(), cx.usedMacros(), cx.origins()).expand(parsed);
  }

  /** Event types: the types the condition can match, which decide its Drools rules. */
  private static Set<String> eventTypes(Expr expanded) {
    return new TreeSet<>(EventTypes.of(expanded));
  }

  /**
   * Field checking: every field, operator and value checked against the field catalog while the
   * whole condition compiles to one predicate (what the rule runs when it has no type dispatch).
   */
  private EventPredicate checkFields(Expr expanded, boolean any) throws CompileError {
    predicates.countUses(r.enabled && any ? SharedChecks.ANY_TYPE : null, index);
    EventPredicate predicate = predicates.compile(expanded);
    predicates.countUses(null, index);
    return predicate;
  }

  /** Output compilation: the output format's {@code %field} tokens resolved to accessors. */
  private OutputFormat compileOutput() throws CompileError {
    String outputText = r.output;
    if (outputText.contains(CONTAINER_INFO)) {
      outputText = outputText.replace(CONTAINER_INFO, "").strip();
      cx.reporter().warn(LOAD_DEPRECATED_ITEM, r.context, Messages.OUTPUT_CONTAINER_INFO);
    }
    return new OutputCompiler(predicates).compile(outputText);
  }

  /** The warnings field checking and output compilation found, placed in the rule or its macros. */
  private void reportWarnings() {
    for (PredicateCompiler.Warning w : predicates.warnings()) {
      if (w.oncePerPlace()
          && !cx.reportedOnce().add(List.of(w.message(), w.pos() == null ? "" : w.pos()))) {
        continue;
      }
      cx.reporter().warn(w.code(), RuleCompiler.where(w.pos(), r.context), "%s", w.message());
    }
  }

  /**
   * Type specialization: for each event type the condition folded with its {@code evt.type} checks
   * decided, compiled to the predicate that type's Drools rules run, with the equality checks every
   * match passes (which the rule base indexes). A type the fold proves impossible is dropped.
   */
  private void specializeTypes(
      Expr expanded,
      Set<String> types,
      Map<String, EventPredicate> byType,
      Map<String, List<IndexedCheck>> indexed)
      throws CompileError {
    PredicateCompiler quiet = new PredicateCompiler(cx.catalog(), cx.shared(), cx.origins());
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

  /**
   * Kernel filter derivation: for each file-open type the rule can match, what the path, the access
   * mode and the result must be for the condition to hold (an over-approximation).
   */
  private static KernelFilter kernelFilter(Expr expanded, Set<String> types, boolean any) {
    return KernelFilterPass.of(expanded, types, any);
  }

  /** A rule that can match (nearly) every type runs on every event: Falco warns, so do we. */
  private void warnNoEventTypes(boolean any) {
    if (any && r.warnEvttypes) {
      cx.reporter().warn(LOAD_NO_EVTTYPE, r.context, Messages.NO_EVTTYPE);
    }
  }

  /**
   * A compile error: reported, or with {@code skip-if-unknown-filter} and an unknown field or event
   * type, a warning that the rule is skipped.
   */
  private @Nullable RuleCode rejected(CompileError e) {
    if (r.skipIfUnknownFilter && e.unknownFilter()) {
      cx.reporter()
          .warn(
              LOAD_UNKNOWN_FILTER,
              RuleCompiler.where(e.pos(), r.context),
              Messages.UNKNOWN_FILTER_SKIPPED,
              String.valueOf(e.getMessage()));
    } else {
      cx.reporter()
          .error(
              e.code(),
              RuleCompiler.where(e.pos(), r.context),
              "%s",
              String.valueOf(e.getMessage()));
    }
    return null;
  }
}
