package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.Or;
import dev.tapio.rules.internal.condition.Conditions;
import dev.tapio.rules.internal.drools.IndexedCheck;
import dev.tapio.rules.internal.eval.Operators;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.fields.FieldDef;
import dev.tapio.rules.internal.fields.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what every match of a condition has in common in the form "this field equals one of these
 * values": the {@code =} and {@code in} checks of its top-level {@code and} on string, number and
 * boolean fields, and an {@code or} whose every branch checks the same field ({@code (proc.name =
 * nc and ...) or (proc.name = ncat and ...)} implies {@code proc.name in (nc, ncat)}). Nothing
 * under a {@code not} counts.
 *
 * <p>Only checks whose test is plain equality qualify, so that "the check passes" implies "the
 * field's value (for strings, its text) equals one of the values": {@code =} on strings, numbers
 * and booleans, {@code in} and {@code intersects} on them. Excluded are IP fields ({@code =} is
 * network containment), string lists, transformers, {@code val()}, modifiers, fields read at either
 * end ({@code fd.port}) and ancestor fields without an index ({@code proc.aname}, any ancestor).
 */
final class IndexedChecks {

  private IndexedChecks() {}

  static List<IndexedCheck> of(Expr condition, PredicateCompiler compiler) {
    List<IndexedCheck> out = new ArrayList<>();
    for (IndexedCheck c : implied(condition, compiler).values()) {
      if (!c.values().isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * What {@code c} being true implies, by field: a check its own values; an {@code and} what any
   * part implies (the values a field may take narrowed by every part naming it); an {@code or} the
   * fields every branch implies, with the values of all branches; anything else nothing.
   */
  private static Map<String, IndexedCheck> implied(Expr c, PredicateCompiler compiler) {
    Map<String, IndexedCheck> out = new LinkedHashMap<>();
    switch (c) {
      case Check k -> {
        IndexedCheck indexed = indexed(k, compiler);
        if (indexed != null) {
          out.put(indexed.field(), indexed);
        }
      }
      case And and -> {
        for (Expr child : and.children()) {
          implied(child, compiler)
              .forEach((field, check) -> out.merge(field, check, IndexedChecks::both));
        }
      }
      case Or or -> {
        boolean first = true;
        for (Expr child : or.children()) {
          Map<String, IndexedCheck> branch = implied(child, compiler);
          if (first) {
            out.putAll(branch);
            first = false;
          } else {
            out.keySet().retainAll(branch.keySet());
            out.replaceAll(
                (field, check) ->
                    either(check, java.util.Objects.requireNonNull(branch.get(field))));
          }
        }
      }
      default -> {}
    }
    return out;
  }

  /** Both hold: the values in both. */
  private static IndexedCheck both(IndexedCheck a, IndexedCheck b) {
    List<Object> values = new ArrayList<>(a.values());
    values.retainAll(b.values());
    return a.withValues(values);
  }

  /** Either holds: the values of either. */
  private static IndexedCheck either(IndexedCheck a, IndexedCheck b) {
    Set<Object> values = new LinkedHashSet<>(a.values());
    values.addAll(b.values());
    return a.withValues(values);
  }

  private static @org.jspecify.annotations.Nullable IndexedCheck indexed(
      Check k, PredicateCompiler compiler) {
    if (!(k.lhs() instanceof FieldRef f)
        || k.modifier() != null
        || FieldCatalog.EITHER_END.containsKey(f.name())) {
      return null;
    }
    List<String> literals =
        switch (k.operator()) {
          case EQUALS, DOUBLE_EQUALS, IN, INTERSECTS -> Conditions.constants(k);
          default -> null;
        };
    if (literals == null || literals.isEmpty()) {
      return null;
    }
    try {
      FieldDef def = compiler.fieldDef(f);
      FieldType type = def.type();
      if ((type != FieldType.STRING && type != FieldType.NUMBER && type != FieldType.BOOL)
          || (def.arg() == FieldDef.Arg.OPTIONAL_INDEX && f.argument() == null)) {
        return null;
      }
      Set<Object> values = new LinkedHashSet<>();
      for (String l : literals) {
        values.add(Operators.parse(type, k.operator(), l));
      }
      return new IndexedCheck(
          Conditions.display(f),
          def.bind(f.argument()),
          type == FieldType.STRING,
          List.copyOf(values));
    } catch (CompileError | Operators.BadValue e) {
      return null; // the predicate reports it
    }
  }
}
