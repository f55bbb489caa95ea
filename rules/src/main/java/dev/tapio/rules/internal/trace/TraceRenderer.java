package dev.tapio.rules.internal.trace;

import dev.tapio.api.context.EnrichedEvent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Walks a prepared condition for one event and writes the lines that decide its value. */
final class TraceRenderer {

  static final String INDENT = "  ";
  static final String IN_MACRO = "in macro '%s': ";
  static final String EVERY_PART_TRUE = "every part is true:";
  static final String EVERY_ALTERNATIVE_FALSE = "every alternative is false:";
  static final String NOT = "not %s: %s, because %s is %s";

  private final EnrichedEvent event;
  private final List<String> out = new ArrayList<>();

  private TraceRenderer(EnrichedEvent event) {
    this.event = event;
  }

  static List<String> explain(TraceNode root, EnrichedEvent event) {
    TraceRenderer r = new TraceRenderer(event);
    r.render(root, root.test(event), null, "");
    return List.copyOf(r.out);
  }

  /** Explains why {@code node} is {@code value}. */
  private void render(TraceNode node, boolean value, @Nullable String macro, String indent) {
    switch (node) {
      case TraceNode.Leaf l -> out.add(indent + prefix(macro) + leaf("", l, value));
      case TraceNode.InMacro m -> render(m.body(), value, m.name(), indent);
      case TraceNode.All a -> {
        if (!value) {
          render(first(a.children(), false), false, macro, indent);
        } else {
          every(a.children(), true, macro, indent, EVERY_PART_TRUE);
        }
      }
      case TraceNode.Any a -> {
        if (value) {
          render(first(a.children(), true), true, macro, indent);
        } else {
          every(a.children(), false, macro, indent, EVERY_ALTERNATIVE_FALSE);
        }
      }
      case TraceNode.Negated n -> {
        if (n.child() instanceof TraceNode.Leaf l) {
          out.add(indent + prefix(macro) + leaf("not ", l, value));
        } else {
          String inner = n.child() instanceof TraceNode.InMacro m ? m.name() : n.display();
          out.add(indent + prefix(macro) + String.format(NOT, inner, value, inner, !value));
          render(n.child(), !value, macro, indent + INDENT);
        }
      }
    }
  }

  private void every(
      List<TraceNode> children, boolean value, @Nullable String macro, String indent, String head) {
    if (children.size() == 1) {
      render(children.getFirst(), value, macro, indent);
      return;
    }
    out.add(indent + prefix(macro) + head);
    for (TraceNode c : children) {
      render(c, value, macro, indent + INDENT);
    }
  }

  private TraceNode first(List<TraceNode> children, boolean value) {
    for (TraceNode c : children) {
      if (c.test(event) == value) {
        return c;
      }
    }
    throw new IllegalStateException("no part of the condition has the value " + value);
  }

  private String leaf(String not, TraceNode.Leaf l, boolean value) {
    List<String> values = new ArrayList<>();
    for (ShownValue v : l.values()) {
      values.add(v.show(event));
    }
    return not + l.text() + ": " + value + " (" + String.join("; ", values) + ")";
  }

  private static String prefix(@Nullable String macro) {
    return macro == null ? "" : String.format(IN_MACRO, macro);
  }
}
