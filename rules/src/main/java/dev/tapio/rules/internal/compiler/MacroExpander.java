package dev.tapio.rules.internal.compiler;

import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.condition.Cond;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * Replaces macro references by copies of the macros' trees, recursively. Only the macros in {@code
 * visible} can be used; a macro being expanded that is met again is a loop.
 */
public final class MacroExpander {

  private final Map<String, Cond> visible;
  private final Set<String> used;
  private final Deque<String> stack = new ArrayDeque<>();

  public MacroExpander(Map<String, Cond> visible, Set<String> used) {
    this.visible = visible;
    this.used = used;
  }

  public Cond expand(Cond c) throws CompileError {
    return switch (c) {
      case Cond.And a -> new Cond.And(expandAll(a.children()), a.pos());
      case Cond.Or o -> new Cond.Or(expandAll(o.children()), o.pos());
      case Cond.Not n -> new Cond.Not(expand(n.child()), n.pos());
      case Cond.Check k -> k;
      case Cond.MacroRef m -> {
        if (stack.contains(m.name())) {
          throw new CompileError(Messages.format(Messages.MACRO_LOOP, m.name()), m.pos());
        }
        Cond body = visible.get(m.name());
        if (body == null) {
          throw new CompileError(Messages.format(Messages.UNDEFINED_MACRO, m.name()), m.pos());
        }
        used.add(m.name());
        stack.push(m.name());
        try {
          yield expand(body);
        } finally {
          stack.pop();
        }
      }
    };
  }

  /** Marks {@code name} as being expanded (a macro's own body is expanded under its name). */
  public MacroExpander within(String name) {
    stack.push(name);
    return this;
  }

  private java.util.List<Cond> expandAll(java.util.List<Cond> cs) throws CompileError {
    java.util.List<Cond> out = new java.util.ArrayList<>();
    for (Cond c : cs) {
      out.add(expand(c));
    }
    return out;
  }
}
