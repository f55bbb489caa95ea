package dev.tapio.testing;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FalcoConditionParser;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.ParseResult;
import dev.tapio.grammar.Transformer;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.fields.FieldCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Explains a rule that did not match: its condition and the values of the fields it reads. */
final class ConditionTrace {
  private ConditionTrace() {}

  static List<String> explain(CompiledRule rule, EnrichedEvent event) {
    List<String> lines = new ArrayList<>();
    lines.add("condition is false: " + rule.condition().strip().replaceAll("\\s+", " "));
    if (!(FalcoConditionParser.tryParse(rule.condition())
        instanceof ParseResult.Success<Expr>(Expr condition))) {
      return lines;
    }
    Map<String, FieldRef> fields = new LinkedHashMap<>();
    collect(condition, fields);
    for (FieldRef f : fields.values()) {
      FieldCatalog.syscall()
          .lookup(f.name())
          .ifPresent(
              def -> {
                Object value;
                try {
                  value = def.bind(f.argument()).get(event);
                } catch (RuntimeException e) {
                  value = null;
                }
                lines.add(
                    f
                        + " = "
                        + (value == null
                            ? OutputFormat.NA + " (cannot be extracted)"
                            : "'" + OutputFormat.text(value) + "'"));
              });
    }
    return lines;
  }

  private static void collect(Expr e, Map<String, FieldRef> out) {
    switch (e) {
      case And a -> a.children().forEach(c -> collect(c, out));
      case Or o -> o.children().forEach(c -> collect(c, out));
      case Not n -> collect(n.child(), out);
      case MacroRef m -> {}
      case Check c -> {
        field(c.lhs(), out);
        if (c.rhs() instanceof FieldValue v) {
          out.putIfAbsent(v.field().toString(), v.field());
        }
      }
    }
  }

  private static void field(dev.tapio.grammar.FieldExpr f, Map<String, FieldRef> out) {
    switch (f) {
      case FieldRef r -> out.putIfAbsent(r.toString(), r);
      case Transformer t -> {}
    }
  }
}
