package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.IndexedCheck;
import dev.tapio.rules.fields.FieldCatalog;
import dev.tapio.rules.fields.FieldDef;
import dev.tapio.rules.fields.FieldType;
import dev.tapio.rules.internal.condition.Cond;
import dev.tapio.rules.internal.condition.Operand;
import dev.tapio.rules.internal.condition.Value;
import dev.tapio.rules.internal.eval.Operators;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the checks of a condition that every match passes and that amount to "this field equals one
 * of these values": the {@code =} and {@code in} checks in its top-level {@code and} (nested {@code
 * and}s included, {@code or}/{@code not} excluded) on string, number and boolean fields.
 *
 * <p>Only checks whose test is plain equality qualify, so that "the check passes" implies "the
 * field's value (for strings, its text) equals one of the values": {@code =} on strings, numbers
 * and booleans, {@code in} and {@code intersects} on them. Excluded are IP fields ({@code =} is
 * network containment), string lists, transformers, {@code val()}, modifiers, fields read at either
 * end ({@code fd.port}) and ancestor fields without an index ({@code proc.aname}, any ancestor).
 */
final class IndexedChecks {

  private IndexedChecks() {}

  static List<IndexedCheck> of(Cond condition, PredicateCompiler compiler) {
    List<IndexedCheck> out = new ArrayList<>();
    Deque<Cond> pending = new ArrayDeque<>();
    pending.push(condition);
    while (!pending.isEmpty()) {
      Cond c = pending.pop();
      if (c instanceof Cond.And and) {
        for (Cond child : and.children().reversed()) {
          pending.push(child);
        }
      } else if (c instanceof Cond.Check k) {
        IndexedCheck indexed = indexed(k, compiler);
        if (indexed != null) {
          out.add(indexed);
        }
      }
    }
    return out;
  }

  private static @org.jspecify.annotations.Nullable IndexedCheck indexed(
      Cond.Check k, PredicateCompiler compiler) {
    if (!(k.lhs() instanceof Operand.Field f)
        || k.modifier() != null
        || FieldCatalog.EITHER_END.containsKey(f.name())) {
      return null;
    }
    List<Value.Literal> literals =
        switch (k.op()) {
          case "=", "==" -> k.rhs() instanceof Value.Literal l ? List.of(l) : null;
          case "in", "intersects" ->
              switch (k.rhs()) {
                case Value.Literal l -> List.of(l);
                case Value.ListLiteral l -> l.items();
                default -> null;
              };
          default -> null;
        };
    if (literals == null || literals.isEmpty()) {
      return null;
    }
    try {
      FieldDef def = compiler.fieldDef(f);
      FieldType type = def.type();
      if ((type != FieldType.STRING && type != FieldType.NUMBER && type != FieldType.BOOL)
          || (def.arg() == FieldDef.Arg.OPTIONAL_INDEX && f.arg() == null)) {
        return null;
      }
      Set<Object> values = new LinkedHashSet<>();
      for (Value.Literal l : literals) {
        values.add(Operators.parse(type, k.op(), l.text()));
      }
      String name = f.arg() == null ? f.name() : f.name() + "[" + f.arg() + "]";
      return new IndexedCheck(
          name, def.bind(f.arg()), type == FieldType.STRING, List.copyOf(values));
    } catch (CompileError | Operators.BadValue e) {
      return null; // the predicate reports it
    }
  }
}
