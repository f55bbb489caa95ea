package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.ListValue;
import dev.tapio.grammar.Literal;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Operator;
import dev.tapio.grammar.Or;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a condition can match, worked out from its tree as Falco does: {@code and}
 * intersects, {@code or} unites, {@code not} is pushed to the leaves, checks unrelated to {@code
 * evt.type} match every type, {@code evt.num = 0} matches none.
 */
public final class EventTypes {

  /** Every event type name the compiler knows. */
  public static final Set<String> KNOWN = load();

  private EventTypes() {}

  /** A set of types, possibly as a complement ("every type but these"). */
  record TypeSet(boolean complement, Set<String> names) {
    static final TypeSet ALL = new TypeSet(true, Set.of());
    static final TypeSet NONE = new TypeSet(false, Set.of());

    TypeSet and(TypeSet o) {
      if (!complement && !o.complement) {
        return new TypeSet(false, inter(names, o.names));
      }
      if (!complement) {
        return new TypeSet(false, minus(names, o.names));
      }
      if (!o.complement) {
        return new TypeSet(false, minus(o.names, names));
      }
      return new TypeSet(true, union(names, o.names));
    }

    TypeSet or(TypeSet o) {
      if (!complement && !o.complement) {
        return new TypeSet(false, union(names, o.names));
      }
      if (!complement) {
        return new TypeSet(true, minus(o.names, names));
      }
      if (!o.complement) {
        return new TypeSet(true, minus(names, o.names));
      }
      return new TypeSet(true, inter(names, o.names));
    }

    TypeSet negate() {
      return new TypeSet(!complement, names);
    }
  }

  /** The types {@code c} (a macro-free tree) can match, in sorted order. */
  public static Set<String> of(Expr c) {
    TypeSet t = types(c, false);
    if (!t.complement()) {
      return Collections.unmodifiableSet(new TreeSet<>(t.names()));
    }
    Set<String> all = new TreeSet<>(KNOWN);
    all.removeAll(t.names());
    return Collections.unmodifiableSet(all);
  }

  private static TypeSet types(Expr c, boolean negated) {
    return switch (c) {
      case Not n -> types(n.child(), !negated);
      case And a -> combine(a.children(), negated, !negated);
      case Or o -> combine(o.children(), negated, negated);
      case MacroRef m -> TypeSet.ALL;
      case Check k -> {
        TypeSet t = leaf(k);
        yield negated && !t.equals(TypeSet.ALL) ? t.negate() : t;
      }
    };
  }

  private static TypeSet combine(List<Expr> children, boolean negated, boolean intersect) {
    TypeSet acc = null;
    for (Expr child : children) {
      TypeSet t = types(child, negated);
      acc = acc == null ? t : intersect ? acc.and(t) : acc.or(t);
    }
    return Objects.requireNonNull(acc);
  }

  private static TypeSet leaf(Check k) {
    if (!(k.lhs() instanceof FieldRef f) || f.argument() != null || k.modifier() != null) {
      return TypeSet.ALL;
    }
    Operator op = k.operator();
    boolean equality = op == Operator.EQUALS || op == Operator.DOUBLE_EQUALS;
    if (f.name().equals("evt.num")
        && equality
        && k.rhs() instanceof Literal l
        && l.value().equals("0")) {
      return TypeSet.NONE;
    }
    if (!f.name().equals("evt.type")) {
      return TypeSet.ALL;
    }
    return switch (op) {
      case EQUALS, DOUBLE_EQUALS ->
          k.rhs() instanceof Literal l ? new TypeSet(false, Set.of(l.value())) : TypeSet.ALL;
      case NOT_EQUALS ->
          k.rhs() instanceof Literal l ? new TypeSet(true, Set.of(l.value())) : TypeSet.ALL;
      case IN, INTERSECTS ->
          k.rhs() instanceof ListValue l
              ? new TypeSet(false, new LinkedHashSet<>(l.items()))
              : TypeSet.ALL;
      default -> TypeSet.ALL;
    };
  }

  private static Set<String> inter(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.retainAll(b);
    return s;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return s;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.removeAll(b);
    return s;
  }

  private static Set<String> load() {
    Set<String> out = new LinkedHashSet<>();
    try (InputStream in =
        EventTypes.class.getResourceAsStream("/dev/tapio/rules/event-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("event-types.txt missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableSet(out);
  }
}
