package dev.tapio.rules.internal.condition;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.FieldRef;
import dev.tapio.grammar.FieldValue;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.grammar.Transformer;
import dev.tapio.grammar.TransformerArg;
import dev.tapio.grammar.TransformerList;
import dev.tapio.grammar.Value;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which text each node of the parsed conditions came from. The grammar's nodes know their offset in
 * the text they were parsed from; after macro expansion a rule's tree holds nodes of several texts
 * (the rule's and its macros'), so a problem found on a node is placed by looking its text up here.
 * Nodes are keyed by identity: macro expansion and type folding reuse the parsed checks, fields and
 * values, so every node a problem can be found on keeps its origin.
 */
public final class Origins {

  private final Map<Object, Origin> byNode = new IdentityHashMap<>();

  /** Origins of nothing: every node is placed nowhere (for trees already known to compile). */
  public static Origins none() {
    return new Origins();
  }

  /** Records that every node of {@code root} came from {@code origin}. */
  public void register(Expr root, Origin origin) {
    byNode.put(root, origin);
    switch (root) {
      case And a -> a.children().forEach(c -> register(c, origin));
      case Or o -> o.children().forEach(c -> register(c, origin));
      case Not n -> register(n.child(), origin);
      case MacroRef m -> {}
      case Check k -> {
        switch (k.lhs()) {
          case FieldRef f -> byNode.put(f, origin);
          case Transformer t -> argument(t, origin);
        }
        if (k.rhs() != null) {
          value(k.rhs(), origin);
        }
      }
    }
  }

  private void value(Value v, Origin origin) {
    byNode.put(v, origin);
    switch (v) {
      case FieldValue f -> byNode.put(f.field(), origin);
      case Transformer t -> argument(t, origin);
      default -> {}
    }
  }

  private void argument(TransformerArg a, Origin origin) {
    byNode.put(a, origin);
    switch (a) {
      case Transformer t -> t.args().forEach(x -> argument(x, origin));
      case TransformerList l -> l.items().forEach(x -> argument(x, origin));
      default -> {}
    }
  }

  /** Where {@code node} (an expression, value or field expression) starts, if it is known. */
  public @Nullable Pos at(Object node) {
    Origin origin = byNode.get(node);
    if (origin == null) {
      return null;
    }
    int offset =
        switch (node) {
          case Expr e -> e.position().offset();
          case Value v -> v.position().offset();
          case TransformerArg a -> a.position().offset();
          default -> 0;
        };
    return new Pos(origin, offset);
  }
}
