package dev.tapio.rules.internal.trace;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.eval.EventPredicate;
import java.util.List;

/** A condition prepared for explaining: the tree as written, macros kept as named nodes. */
sealed interface TraceNode {

  /** The node's value for {@code e}. */
  boolean test(EnrichedEvent e);

  /** One check, with the values it reads. */
  record Leaf(String text, EventPredicate predicate, List<ShownValue> values) implements TraceNode {
    public Leaf {
      values = List.copyOf(values);
    }

    @Override
    public boolean test(EnrichedEvent e) {
      return predicate.test(e);
    }
  }

  record All(List<TraceNode> children) implements TraceNode {
    public All {
      children = List.copyOf(children);
    }

    @Override
    public boolean test(EnrichedEvent e) {
      for (TraceNode c : children) {
        if (!c.test(e)) {
          return false;
        }
      }
      return true;
    }
  }

  record Any(List<TraceNode> children) implements TraceNode {
    public Any {
      children = List.copyOf(children);
    }

    @Override
    public boolean test(EnrichedEvent e) {
      for (TraceNode c : children) {
        if (c.test(e)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * {@code not child}.
   *
   * @param display the child as written (abbreviated), for the explanation's header line
   */
  record Negated(TraceNode child, String display) implements TraceNode {
    @Override
    public boolean test(EnrichedEvent e) {
      return !child.test(e);
    }
  }

  /** The body of macro {@code name}, used where the macro was named. */
  record InMacro(String name, TraceNode body) implements TraceNode {
    @Override
    public boolean test(EnrichedEvent e) {
      return body.test(e);
    }
  }
}
