package dev.tapio.rules.internal.trace;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldExpr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.Transformer;
import dev.tapio.rules.internal.compiler.CompileError;
import dev.tapio.rules.internal.compiler.PredicateCompiler;
import dev.tapio.rules.internal.condition.Conditions;
import dev.tapio.rules.internal.fields.FieldAccessor;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.fields.FieldDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the explainable form of a compiled condition: each check compiled on its own (so its value
 * is exactly what the rule's predicate computes), macros expanded but kept as named nodes.
 */
final class TraceBuilder {

  private final FieldCatalog catalog;
  private final Map<String, Expr> macros;
  private final PredicateCompiler predicates;

  TraceBuilder(FieldCatalog catalog, Map<String, Expr> macros) {
    this.catalog = catalog;
    this.macros = macros;
    this.predicates = new PredicateCompiler(catalog);
  }

  TraceNode build(Expr c) throws CompileError {
    return switch (c) {
      case And a -> new TraceNode.All(buildAll(a.children()));
      case Or o -> new TraceNode.Any(buildAll(o.children()));
      case Not n -> new TraceNode.Negated(build(n.child()), CondText.abbreviated(n.child()));
      case MacroRef m -> {
        Expr body = macros.get(m.name());
        if (body == null) {
          throw new CompileError("undefined macro " + m.name(), null);
        }
        yield new TraceNode.InMacro(m.name(), build(body));
      }
      case Check k -> new TraceNode.Leaf(CondText.check(k), predicates.compile(k), shown(k));
    };
  }

  private List<TraceNode> buildAll(List<Expr> cs) throws CompileError {
    List<TraceNode> out = new ArrayList<>();
    for (Expr c : cs) {
      out.add(build(c));
    }
    return out;
  }

  private List<ShownValue> shown(Check k) throws CompileError {
    List<ShownValue> out = new ArrayList<>();
    operand(k.lhs(), out);
    switch (k.rhs()) {
      case FieldValue f -> operand(f.field(), out);
      case Transformer t -> operand(t, out);
      case null, default -> {}
    }
    return out;
  }

  private void operand(FieldExpr o, List<ShownValue> out) throws CompileError {
    if (o instanceof FieldRef f && f.argument() == null) {
      List<String> ends = FieldCatalog.EITHER_END.get(f.name());
      if (ends != null) {
        for (String end : ends) {
          operand(new FieldRef(end, null, f.position()), out);
        }
        return;
      }
      if (catalog.lookup(f.name()).map(FieldDef::arg).orElse(null) == FieldDef.Arg.OPTIONAL_INDEX) {
        FieldAccessor[] levels = new FieldAccessor[PredicateCompiler.MAX_ANCESTORS];
        for (int i = 0; i < levels.length; i++) {
          levels[i] = predicates.resolve(f, i + 1).accessor();
        }
        out.add(new ShownValue.Ancestors(Conditions.display(f), levels));
        return;
      }
    }
    out.add(new ShownValue.Single(Conditions.display(o), predicates.resolve(o, -1).accessor()));
  }
}
