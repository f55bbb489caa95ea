package dev.tapio.rules.internal.trace;

import dev.tapio.rules.fields.FieldAccessor;
import dev.tapio.rules.fields.FieldCatalog;
import dev.tapio.rules.fields.FieldDef;
import dev.tapio.rules.internal.compiler.CompileError;
import dev.tapio.rules.internal.compiler.PredicateCompiler;
import dev.tapio.rules.internal.condition.Cond;
import dev.tapio.rules.internal.condition.Operand;
import dev.tapio.rules.internal.condition.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the explainable form of a compiled condition: each check compiled on its own (so its value
 * is exactly what the rule's predicate computes), macros expanded but kept as named nodes.
 */
final class TraceBuilder {

  private final FieldCatalog catalog;
  private final Map<String, Cond> macros;
  private final PredicateCompiler predicates;

  TraceBuilder(FieldCatalog catalog, Map<String, Cond> macros) {
    this.catalog = catalog;
    this.macros = macros;
    this.predicates = new PredicateCompiler(catalog);
  }

  TraceNode build(Cond c) throws CompileError {
    return switch (c) {
      case Cond.And a -> new TraceNode.All(buildAll(a.children()));
      case Cond.Or o -> new TraceNode.Any(buildAll(o.children()));
      case Cond.Not n -> new TraceNode.Negated(build(n.child()), CondText.abbreviated(n.child()));
      case Cond.MacroRef m -> {
        Cond body = macros.get(m.name());
        if (body == null) {
          throw new CompileError("undefined macro " + m.name(), m.pos());
        }
        yield new TraceNode.InMacro(m.name(), build(body));
      }
      case Cond.Check k -> new TraceNode.Leaf(CondText.check(k), predicates.compile(k), shown(k));
    };
  }

  private List<TraceNode> buildAll(List<Cond> cs) throws CompileError {
    List<TraceNode> out = new ArrayList<>();
    for (Cond c : cs) {
      out.add(build(c));
    }
    return out;
  }

  private List<ShownValue> shown(Cond.Check k) throws CompileError {
    List<ShownValue> out = new ArrayList<>();
    operand(k.lhs(), out);
    if (k.rhs() instanceof Value.FieldValue f) {
      operand(f.operand(), out);
    }
    return out;
  }

  private void operand(Operand o, List<ShownValue> out) throws CompileError {
    if (o instanceof Operand.Field f && f.arg() == null) {
      List<String> ends = FieldCatalog.EITHER_END.get(f.name());
      if (ends != null) {
        for (String end : ends) {
          operand(new Operand.Field(end, null, f.pos()), out);
        }
        return;
      }
      if (catalog.lookup(f.name()).map(FieldDef::arg).orElse(null) == FieldDef.Arg.OPTIONAL_INDEX) {
        FieldAccessor[] levels = new FieldAccessor[PredicateCompiler.MAX_ANCESTORS];
        for (int i = 0; i < levels.length; i++) {
          levels[i] = predicates.resolve(f, i + 1).accessor();
        }
        out.add(new ShownValue.Ancestors(f.display(), levels));
        return;
      }
    }
    out.add(new ShownValue.Single(Operand.display(o), predicates.resolve(o, -1).accessor()));
  }
}
