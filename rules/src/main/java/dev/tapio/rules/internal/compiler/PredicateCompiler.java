package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.EventPredicate;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.fields.FieldAccessor;
import dev.tapio.rules.fields.FieldCatalog;
import dev.tapio.rules.fields.FieldDef;
import dev.tapio.rules.fields.FieldType;
import dev.tapio.rules.internal.condition.Cond;
import dev.tapio.rules.internal.condition.Operand;
import dev.tapio.rules.internal.condition.Pos;
import dev.tapio.rules.internal.condition.Value;
import dev.tapio.rules.internal.eval.Checks;
import dev.tapio.rules.internal.eval.Logic;
import dev.tapio.rules.internal.eval.Operators;
import dev.tapio.rules.internal.eval.SharedChecks;
import dev.tapio.rules.internal.eval.Transformers;
import dev.tapio.rules.internal.eval.ValueTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
  public record Warning(DiagnosticCode code, String message, Pos pos) {}

  /** A field with its resolved type and accessor. */
  public record Resolved(FieldAccessor accessor, FieldType type) {}

  private final FieldCatalog catalog;
  private final List<Warning> warnings = new ArrayList<>();
  private final @org.jspecify.annotations.Nullable SharedChecks shared;
  private @org.jspecify.annotations.Nullable String countedType;
  private int rule;

  public PredicateCompiler(FieldCatalog catalog) {
    this(catalog, null);
  }

  /** A compiler whose checks come from {@code shared}, one predicate per distinct check. */
  public PredicateCompiler(
      FieldCatalog catalog, @org.jspecify.annotations.Nullable SharedChecks shared) {
    this.catalog = catalog;
    this.shared = shared;
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

  public EventPredicate compile(Cond c) throws CompileError {
    return switch (c) {
      case Cond.And a -> Logic.and(compileAll(a.children()));
      case Cond.Or o -> Logic.or(compileAll(o.children()));
      case Cond.Not n -> Logic.not(compile(n.child()));
      case Cond.MacroRef m ->
          throw new CompileError(Messages.format(Messages.UNDEFINED_MACRO, m.name()), m.pos());
      case Cond.Check k -> {
        EventPredicate p = check(k);
        yield shared == null ? p : shared.intern(key(k), p, countedType, rule);
      }
    };
  }

  /** A check written out in full: equal keys mean equal checks. */
  private static String key(Cond.Check k) {
    StringBuilder out = new StringBuilder(Operand.display(k.lhs())).append('\u0000').append(k.op());
    out.append('\u0000').append(k.modifier());
    switch (k.rhs()) {
      case Value.None n -> out.append("\u0000none");
      case Value.Literal l -> out.append("\u0000lit\u0000").append(l.text());
      case Value.ListLiteral l -> {
        out.append("\u0000list");
        for (Value.Literal item : l.items()) {
          out.append('\u0000').append(item.text());
        }
      }
      case Value.ListName l -> out.append("\u0000name\u0000").append(l.name());
      case Value.FieldValue f -> out.append("\u0000val\u0000").append(Operand.display(f.operand()));
    }
    return out.toString();
  }

  private List<EventPredicate> compileAll(List<Cond> cs) throws CompileError {
    List<EventPredicate> out = new ArrayList<>();
    for (Cond c : cs) {
      out.add(compile(c));
    }
    return out;
  }

  private EventPredicate check(Cond.Check k) throws CompileError {
    if (k.lhs() instanceof Operand.Field f) {
      List<String> ends = FieldCatalog.EITHER_END.get(f.name());
      if (ends != null && f.arg() == null) {
        List<EventPredicate> parts = new ArrayList<>();
        for (String end : ends) {
          parts.add(check(k, new Operand.Field(end, null, f.pos()), -1));
        }
        return Logic.or(parts);
      }
      FieldDef def = fieldDef(f);
      if (def.arg() == FieldDef.Arg.OPTIONAL_INDEX && f.arg() == null) {
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
  private EventPredicate check(Cond.Check k, Operand lhs, int level) throws CompileError {
    Resolved field = resolve(lhs, level);
    String op = k.op();
    if (!field.type().allows(op)) {
      throw new CompileError(
          Messages.format(
              Messages.OPERATOR_NOT_SUPPORTED, op, Operand.display(lhs), field.type().falcoName()),
          k.pos());
    }
    if (lhs instanceof Operand.Field f && f.name().equals("evt.type")) {
      checkEventTypes(k);
    }
    unsafeNa(k, lhs);
    return switch (k.rhs()) {
      case Value.None n -> Checks.exists(field.accessor());
      case Value.FieldValue fv -> {
        if (op.equals("pmatch") || op.equals("regex")) {
          throw new CompileError(
              Messages.format(
                  Messages.OPERATOR_NOT_SUPPORTED, op, Operand.display(lhs), "field value"),
              fv.pos());
        }
        Resolved other = resolve(fv.operand(), -1);
        FieldType type = field.type();
        yield Checks.compareFields(
            field.accessor(), other.accessor(), (v, o) -> Operators.dynamic(type, op, v, o));
      }
      case Value.ListName l ->
          throw new CompileError(Messages.format(Messages.UNDEFINED_LIST, l.name()), l.pos());
      case Value.ListLiteral l -> {
        List<Object> items = new ArrayList<>();
        for (Value.Literal item : l.items()) {
          items.add(parse(field.type(), op, item, lhs));
        }
        ValueTest t =
            k.modifier() != null
                ? Operators.modified(field.type(), op, k.modifier(), items)
                : Operators.list(field.type(), op, items);
        yield Checks.check(field.accessor(), t);
      }
      case Value.Literal l -> {
        if (isListOp(op) || k.modifier() != null) {
          // a single bare value after a list operator is a one-item list
          List<Object> one = List.of(parse(field.type(), op, l, lhs));
          yield Checks.check(
              field.accessor(),
              k.modifier() != null
                  ? Operators.modified(field.type(), op, k.modifier(), one)
                  : Operators.list(field.type(), op, one));
        }
        if (op.equals("regex")) {
          String simpler = simplerThanRegex(l.text());
          if (simpler != null) {
            warnings.add(
                new Warning(
                    DiagnosticCode.LOAD_COMPILE_CONDITION,
                    Messages.format(Messages.REGEX_SIMPLER, l.text(), simpler),
                    l.pos()));
          }
        }
        if (!l.quoted() && looksLikeField(l.text())) {
          warnings.add(
              new Warning(
                  DiagnosticCode.LOAD_COMPILE_CONDITION,
                  Messages.format(Messages.FIELD_AS_STRING, l.text()),
                  l.pos()));
        }
        yield Checks.check(
            field.accessor(), Operators.single(field.type(), op, parse(field.type(), op, l, lhs)));
      }
    };
  }

  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_/ :=@%,-]*");

  /** The operator a regex amounts to when it has no real pattern in it, or null. */
  static @org.jspecify.annotations.Nullable String simplerThanRegex(String regex) {
    boolean lead = regex.startsWith(".*");
    boolean trail = regex.endsWith(".*") && regex.length() >= 4;
    String core = regex.substring(lead ? 2 : 0, trail ? regex.length() - 2 : regex.length());
    if (core.isEmpty() || !PLAIN.matcher(core).matches()) {
      return null;
    }
    if (lead && trail) {
      return "contains";
    }
    return lead ? "endswith" : trail ? "startswith" : "=";
  }

  private static boolean isListOp(String op) {
    return op.equals("in") || op.equals("intersects") || op.equals("pmatch");
  }

  private boolean looksLikeField(String text) {
    int bracket = text.indexOf('[');
    String name = bracket > 0 ? text.substring(0, bracket) : text;
    return name.contains(".") && catalog.lookup(name).isPresent();
  }

  private Object parse(FieldType type, String op, Value.Literal l, Operand lhs)
      throws CompileError {
    try {
      return Operators.parse(type, op, l.text());
    } catch (Operators.BadValue e) {
      String msg =
          e.getMessage() != null && e.getMessage().startsWith("regex")
              ? Messages.format(Messages.BAD_REGEX, l.text(), e.getMessage().substring(7))
              : e.getMessage() != null && e.getMessage().equals("hex")
                  ? Messages.format(Messages.BAD_HEX, l.text())
                  : Messages.format(
                      Messages.BAD_VALUE, l.text(), Operand.display(lhs), type.falcoName());
      throw new CompileError(msg, l.pos());
    }
  }

  private void checkEventTypes(Cond.Check k) throws CompileError {
    List<Value.Literal> values =
        switch (k.rhs()) {
          case Value.Literal l -> List.of(l);
          case Value.ListLiteral l -> l.items();
          default -> List.of();
        };
    for (Value.Literal v : values) {
      if (!EventTypes.KNOWN.contains(v.text())) {
        throw new CompileError(
            DiagnosticCode.LOAD_ERR_COMPILE_CONDITION,
            Messages.format(Messages.UNKNOWN_EVENT_TYPE, v.text()),
            v.pos(),
            true);
      }
    }
  }

  private void unsafeNa(Cond.Check k, Operand lhs) {
    if (!(lhs instanceof Operand.Field f)
        || !(f.name().startsWith("ka.") || f.name().startsWith("jevt."))) {
      return;
    }
    boolean na =
        switch (k.rhs()) {
          case Value.Literal l -> l.text().equals("<NA>");
          case Value.ListLiteral l -> l.items().stream().anyMatch(i -> i.text().equals("<NA>"));
          default -> false;
        };
    if (na) {
      warnings.add(new Warning(DiagnosticCode.LOAD_UNSAFE_NA_CHECK, Messages.UNSAFE_NA, k.pos()));
    }
  }

  /** Resolves a field or transformer; {@code level} ≥ 0 binds an ancestor index. */
  public Resolved resolve(Operand o, int level) throws CompileError {
    return switch (o) {
      case Operand.Field f -> {
        FieldDef def = fieldDef(f);
        String arg = f.arg();
        if (arg == null && level >= 0 && def.arg() == FieldDef.Arg.OPTIONAL_INDEX) {
          arg = Integer.toString(level);
        }
        yield new Resolved(def.bind(arg), def.type());
      }
      case Operand.Transform t -> {
        Resolved inner = resolve(t.arg(), level);
        FieldType type = Transformers.resultType(t.transformer(), inner.type());
        if (type == null) {
          throw new CompileError(
              Messages.format(
                  Messages.TRANSFORMER_NOT_SUPPORTED, t.transformer(), inner.type().falcoName()),
              t.pos());
        }
        yield new Resolved(Transformers.apply(t.transformer(), inner.accessor()), type);
      }
    };
  }

  /** The catalog entry of {@code f}, with its argument checked. */
  public FieldDef fieldDef(Operand.Field f) throws CompileError {
    FieldDef def =
        catalog
            .lookup(f.name())
            .orElseThrow(
                () ->
                    new CompileError(
                        DiagnosticCode.LOAD_ERR_COMPILE_CONDITION,
                        Messages.format(Messages.UNKNOWN_FIELD, f.name()),
                        f.pos(),
                        true));
    if (DEPRECATED.contains(f.name())) {
      warnings.add(
          new Warning(
              DiagnosticCode.LOAD_DEPRECATED_ITEM,
              Messages.format(Messages.DEPRECATED_FIELD, f.name()),
              f.pos()));
    }
    String arg = f.arg();
    switch (def.arg()) {
      case NONE -> {
        if (arg != null) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_NOT_ALLOWED, f.name()), f.pos());
        }
      }
      case OPTIONAL_INDEX -> {
        if (arg != null && !arg.matches("\\d+")) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_INVALID, arg, f.name()), f.pos());
        }
      }
      case REQUIRED_INDEX, REQUIRED_KEY -> {
        if (arg == null) {
          throw new CompileError(Messages.format(Messages.FIELD_ARG_REQUIRED, f.name()), f.pos());
        }
        if (arg.isEmpty()) {
          throw new CompileError(
              Messages.format(Messages.FIELD_ARG_INVALID, arg, f.name()), f.pos());
        }
      }
    }
    return def;
  }
}
