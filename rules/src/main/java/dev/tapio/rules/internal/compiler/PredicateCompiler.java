package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.ListValue;
import dev.tapio.grammar.Literal;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Modifier;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Operator;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.Transformer;
import dev.tapio.grammar.Value;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.condition.Conditions;
import dev.tapio.rules.internal.condition.Origins;
import dev.tapio.rules.internal.condition.Pos;
import dev.tapio.rules.internal.eval.Checks;
import dev.tapio.rules.internal.eval.EventPredicate;
import dev.tapio.rules.internal.eval.Logic;
import dev.tapio.rules.internal.eval.Operators;
import dev.tapio.rules.internal.eval.SharedChecks;
import dev.tapio.rules.internal.eval.Transformers;
import dev.tapio.rules.internal.eval.ValueTest;
import dev.tapio.rules.internal.fields.FieldAccessor;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.fields.FieldDef;
import dev.tapio.rules.internal.fields.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a macro-free condition tree into a predicate, checking every field against the catalog,
 * every operator against the field type and every value against the type.
 */
public final class PredicateCompiler {

  /** How many ancestors {@code proc.aname} without index looks at. */
  public static final int MAX_ANCESTORS = 32;

  private static final Set<String> DEPRECATED =
      Set.of(
          "evt.dir",
          "evt.latency",
          "evt.latency.s",
          "evt.latency.ns",
          "evt.latency.human",
          "evt.wait_latency");

  /** A warning found while compiling: code, message, where. */
  /**
   * A warning found while compiling; {@code oncePerPlace} ones are reported once for their place in
   * the source, however many rules a macro brings them into.
   */
  public record Warning(
      DiagnosticCode code, String message, @Nullable Pos pos, boolean oncePerPlace) {
    public Warning(DiagnosticCode code, String message, @Nullable Pos pos) {
      this(code, message, pos, false);
    }
  }

  /** A field with its resolved type and accessor. */
  public record Resolved(FieldAccessor accessor, FieldType type) {}

  private final FieldCatalog catalog;
  private final Origins origins;
  private final List<Warning> warnings = new ArrayList<>();
  private final @org.jspecify.annotations.Nullable SharedChecks shared;
  private @org.jspecify.annotations.Nullable String countedType;
  private int rule;

  /** A compiler for trees already known to compile (problems are placed nowhere). */
  public PredicateCompiler(FieldCatalog catalog) {
    this(catalog, null, Origins.none());
  }

  /**
   * A compiler whose checks come from {@code shared}, one predicate per distinct check, and whose
   * problems are placed by {@code origins}.
   */
  public PredicateCompiler(FieldCatalog catalog, @Nullable SharedChecks shared, Origins origins) {
    this.catalog = catalog;
    this.shared = shared;
    this.origins = origins;
  }

  /**
   * The predicates compiled from now on are what rule {@code rule} runs on events of {@code type}
   * ({@link SharedChecks#ANY_TYPE} for every type), or, with a null type, are not run.
   */
  public void countUses(@org.jspecify.annotations.Nullable String type, int rule) {
    this.countedType = type;
    this.rule = rule;
  }

  public List<Warning> warnings() {
    return warnings;
  }

  public EventPredicate compile(Expr c) throws CompileError {
    return switch (c) {
      case And a -> Logic.and(compileAll(a.children()));
      case Or o -> Logic.or(compileAll(o.children()));
      case Not n -> Logic.not(compile(n.child()));
      case MacroRef m ->
          throw new CompileError(
              Messages.format(Messages.UNDEFINED_MACRO, m.name()), origins.at(m));
      case Check k -> {
        EventPredicate p = check(k);
        yield shared == null ? p : shared.intern(key(k), p, countedType, rule);
      }
    };
  }

  /** A check written out in full: equal keys mean equal checks. */
  private static String key(Check k) {
    StringBuilder out = new StringBuilder(Conditions.display(k.lhs())).append('\u0000');
    out.append(k.operator()).append('\u0000').append(k.modifier());
    switch (k.rhs()) {
      case null -> out.append("\u0000none");
      case Literal l when Conditions.isListName(k) ->
          out.append("\u0000name\u0000").append(l.value());
      case Literal l -> out.append("\u0000lit\u0000").append(l.value());
      case ListValue l -> {
        out.append("\u0000list");
        for (String item : l.items()) {
          out.append('\u0000').append(item);
        }
      }
      case FieldValue f -> out.append("\u0000val\u0000").append(Conditions.display(f.field()));
      case Transformer t -> out.append("\u0000val\u0000").append(Conditions.display(t));
    }
    return out.toString();
  }

  private List<EventPredicate> compileAll(List<Expr> cs) throws CompileError {
    List<EventPredicate> out = new ArrayList<>();
    for (Expr c : cs) {
      out.add(compile(c));
    }
    return out;
  }

  private EventPredicate check(Check k) throws CompileError {
    if (k.lhs() instanceof FieldRef f) {
      List<String> ends = FieldCatalog.EITHER_END.get(f.name());
      if (ends != null && f.argument() == null) {
        List<EventPredicate> parts = new ArrayList<>();
        for (String end : ends) {
          parts.add(check(k, new FieldRef(end, null, f.position()), -1));
        }
        return Logic.or(parts);
      }
      FieldDef def = fieldDef(f);
      if (def.arg() == FieldDef.Arg.OPTIONAL_INDEX && f.argument() == null) {
        check(k, f, 1); // validates once
        EventPredicate[] levels = new EventPredicate[MAX_ANCESTORS];
        for (int i = 0; i < MAX_ANCESTORS; i++) {
          levels[i] = check(k, f, i + 1);
        }
        return Checks.anyAncestor(level -> levels[level - 1], MAX_ANCESTORS);
      }
    }
    return check(k, k.lhs(), -1);
  }

  /** Compiles the check with {@code lhs}; {@code level} ≥ 0 binds an index-less ancestor field. */
  private EventPredicate check(Check k, FieldExpr lhs, int level) throws CompileError {
    Resolved field = resolve(lhs, level);
    Operator op = k.operator();
    if (!field.type().allows(op)) {
      throw new CompileError(
          Messages.format(
              Messages.OPERATOR_NOT_SUPPORTED,
              op.spelling(),
              Conditions.display(lhs),
              field.type().falcoName()),
          origins.at(k));
    }
    if (lhs instanceof FieldRef f && f.name().equals("evt.type")) {
      checkEventTypes(k);
    }
    unsafeNa(k, lhs);
    Modifier modifier = k.modifier();
    return switch (k.rhs()) {
      case null -> Checks.exists(field.accessor());
      case FieldValue fv -> compareFields(op, lhs, field, fv.field(), fv);
      case Transformer t -> compareFields(op, lhs, field, t, t);
      case Literal l when Conditions.isListName(k) ->
          throw new CompileError(
              Messages.format(Messages.UNDEFINED_LIST, l.value()), origins.at(l));
      case ListValue l -> {
        List<Object> items = new ArrayList<>();
        for (String item : l.items()) {
          items.add(parse(field.type(), op, item, l, lhs));
        }
        ValueTest t =
            modifier != null
                ? Operators.modified(field.type(), op, modifier, items)
                : Operators.list(field.type(), op, items);
        yield Checks.check(field.accessor(), t);
      }
      case Literal l -> {
        if (op.kind() == Operator.Kind.LIST || modifier != null) {
          // a single bare value after a list operator is a one-item list
          List<Object> one = List.of(parse(field.type(), op, l.value(), l, lhs));
          yield Checks.check(
              field.accessor(),
              modifier != null
                  ? Operators.modified(field.type(), op, modifier, one)
                  : Operators.list(field.type(), op, one));
        }
        if (op == Operator.REGEX) {
          Operator simpler = simplerThanRegex(l.value());
          if (simpler != null) {
            warnings.add(
                new Warning(
                    DiagnosticCode.LOAD_COMPILE_CONDITION,
                    Messages.format(Messages.REGEX_SIMPLER, l.value(), simpler.spelling()),
                    origins.at(l)));
          }
        }
        if (!l.quoted() && looksLikeField(l.value())) {
          warnings.add(
              new Warning(
                  DiagnosticCode.LOAD_COMPILE_CONDITION,
                  Messages.format(Messages.FIELD_AS_STRING, l.value()),
                  origins.at(l)));
        }
        yield Checks.check(
            field.accessor(),
            Operators.single(field.type(), op, parse(field.type(), op, l.value(), l, lhs)));
      }
    };
  }

  /** {@code lhs op val(other)} or {@code lhs op transformer(...)}: both sides extracted. */
  private EventPredicate compareFields(
      Operator op, FieldExpr lhs, Resolved field, FieldExpr other, Value written)
      throws CompileError {
    if (op == Operator.PMATCH || op == Operator.REGEX) {
      throw new CompileError(
          Messages.format(
              Messages.OPERATOR_NOT_SUPPORTED,
              op.spelling(),
              Conditions.display(lhs),
              "field value"),
          origins.at(written));
    }
    Resolved right = resolve(other, -1);
    FieldType type = field.type();
    return Checks.compareFields(
        field.accessor(), right.accessor(), (v, o) -> Operators.dynamic(type, op, v, o));
  }

  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_/ :=@%,-]*");

  /** The operator a regex amounts to when it has no real pattern in it, or null. */
  static @org.jspecify.annotations.Nullable Operator simplerThanRegex(String regex) {
    boolean lead = regex.startsWith(".*");
    boolean trail = regex.endsWith(".*") && regex.length() >= 4;
    String core = regex.substring(lead ? 2 : 0, trail ? regex.length() - 2 : regex.length());
    if (core.isEmpty() || !PLAIN.matcher(core).matches()) {
      return null;
    }
    if (lead && trail) {
      return Operator.CONTAINS;
    }
    return lead ? Operator.ENDSWITH : trail ? Operator.STARTSWITH : Operator.EQUALS;
  }

  private boolean looksLikeField(String text) {
    int bracket = text.indexOf('[');
    String name = bracket > 0 ? text.substring(0, bracket) : text;
    return name.contains(".") && catalog.lookup(name).isPresent();
  }

  /**
   * {@code text} as a constant of {@code type} for {@code op}; a problem is placed at {@code at}.
   */
  private Object parse(FieldType type, Operator op, String text, Value at, FieldExpr lhs)
      throws CompileError {
    try {
      return Operators.parse(type, op, text);
    } catch (Operators.BadValue e) {
      String msg =
          e.getMessage() != null && e.getMessage().startsWith("regex")
              ? Messages.format(Messages.BAD_REGEX, text, e.getMessage().substring(7))
              : e.getMessage() != null && e.getMessage().equals("hex")
                  ? Messages.format(Messages.BAD_HEX, text)
                  : Messages.format(
                      Messages.BAD_VALUE, text, Conditions.display(lhs), type.falcoName());
      throw new CompileError(msg, origins.at(at));
    }
  }

  private void checkEventTypes(Check k) throws CompileError {
    List<String> values = Conditions.constants(k);
    for (String v : values == null ? List.<String>of() : values) {
      if (!EventTypes.KNOWN.contains(v)) {
        throw new CompileError(
            DiagnosticCode.LOAD_ERR_COMPILE_CONDITION,
            Messages.format(Messages.UNKNOWN_EVENT_TYPE, v),
            origins.at(java.util.Objects.requireNonNull(k.rhs())),
            true);
      }
    }
  }

  private void unsafeNa(Check k, FieldExpr lhs) {
    if (!(lhs instanceof FieldRef f)
        || !(f.name().startsWith("ka.") || f.name().startsWith("jevt."))) {
      return;
    }
    List<String> values = Conditions.constants(k);
    if (values != null && values.contains("<NA>")) {
      warnings.add(
          new Warning(DiagnosticCode.LOAD_UNSAFE_NA_CHECK, Messages.UNSAFE_NA, origins.at(k)));
    }
  }

  /** Resolves a field or transformer; {@code level} ≥ 0 binds an ancestor index. */
  public Resolved resolve(FieldExpr o, int level) throws CompileError {
    return switch (o) {
      case FieldRef f -> {
        FieldDef def = fieldDef(f);
        String arg = f.argument();
        if (arg == null && level >= 0 && def.arg() == FieldDef.Arg.OPTIONAL_INDEX) {
          arg = Integer.toString(level);
        }
        yield new Resolved(def.bind(arg), def.type());
      }
      case Transformer t -> {
        String name = t.kind().spelling();
        if (t.args().size() != 1 || t.argument() != null) {
          throw new CompileError("transformer '" + name + "' is not supported", origins.at(t));
        }
        if (!(t.args().getFirst() instanceof FieldExpr argument)) {
          throw new CompileError(
              "transformer '" + name + "' needs a field argument", origins.at(t.args().getFirst()));
        }
        Resolved inner = resolve(argument, level);
        FieldType type = Transformers.resultType(t.kind(), inner.type());
        if (type == null) {
          throw new CompileError(
              Messages.format(Messages.TRANSFORMER_NOT_SUPPORTED, name, inner.type().falcoName()),
              origins.at(t));
        }
        yield new Resolved(Transformers.apply(t.kind(), inner.accessor()), type);
      }
    };
  }

  /** The catalog entry of {@code f}, with its argument checked. */
  public FieldDef fieldDef(FieldRef f) throws CompileError {
    FieldDef def =
        catalog
            .lookup(f.name())
            .orElseThrow(
                () ->
                    new CompileError(
                        DiagnosticCode.LOAD_ERR_COMPILE_CONDITION,
                        Messages.format(Messages.UNKNOWN_FIELD, f.name()),
                        origins.at(f),
                        true));
    if (DEPRECATED.contains(f.name())) {
      warnings.add(
          new Warning(
              DiagnosticCode.LOAD_DEPRECATED_ITEM,
              Messages.format(Messages.DEPRECATED_FIELD, f.name()),
              origins.at(f)));
    }
    if (!def.extracted()) {
      warnings.add(
          new Warning(
              DiagnosticCode.LOAD_COMPILE_CONDITION,
              Messages.format(Messages.FIELD_NOT_EXTRACTED, f.name()),
              origins.at(f),
              true));
    }
    String arg = f.argument();
    switch (def.arg()) {
      case NONE -> {
        if (arg != null) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_NOT_ALLOWED, f.name()), origins.at(f));
        }
      }
      case OPTIONAL_INDEX -> {
        if (arg != null && !arg.matches("\\d+")) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_INVALID, arg, f.name()), origins.at(f));
        }
      }
      case OPTIONAL_KEY -> {
        if (arg != null && arg.isEmpty()) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_INVALID, arg, f.name()), origins.at(f));
        }
      }
      case REQUIRED_INDEX, REQUIRED_KEY -> {
        if (arg == null) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_REQUIRED, f.name()), origins.at(f));
        }
        if (arg.isEmpty()) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_INVALID, arg, f.name()), origins.at(f));
        }
      }
    }
    return def;
  }
}
