package dev.tapio.rules.internal.compiler;

import dev.tapio.grammar.And;
import dev.tapio.grammar.Check;
import dev.tapio.grammar.Expr;
import dev.tapio.grammar.MacroRef;
import dev.tapio.grammar.Not;
import dev.tapio.grammar.Or;
import dev.tapio.rules.diagnostics.Messages;
import dev.tapio.rules.internal.condition.Origins;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces macro references by the macros' trees, recursively. Only the macros in {@code visible}
 * can be used; a macro being expanded that is met again is a loop. The macros' checks are shared,
 * not copied, so they keep the origin that places a problem inside the macro.
 */
public final class MacroExpander {

  private final Map<String, Expr> visible;
  private final Set<String> used;
  private final Origins origins;
  private final Deque<String> stack = new ArrayDeque<>();

  public MacroExpander(Map<String, Expr> visible, Set<String> used, Origins origins) {
    this.visible = visible;
    this.used = used;
    this.origins = origins;
  }

  public Expr expand(Expr c) throws CompileError {
    return switch (c) {
      case And a -> new And(expandAll(a.children()), a.position());
      case Or o -> new Or(expandAll(o.children()), o.position());
      case Not n -> new Not(expand(n.child()), n.position());
      case Check k -> k;
      case MacroRef m -> {
        if (stack.contains(m.name())) {
          throw new CompileError(Messages.format(Messages.MACRO_LOOP, m.name()), origins.at(m));
        }
        Expr body = visible.get(m.name());
        if (body == null) {
          throw new CompileError(
              Messages.format(Messages.UNDEFINED_MACRO, m.name()), origins.at(m));
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

  private List<Expr> expandAll(List<Expr> cs) throws CompileError {
    List<Expr> out = new ArrayList<>();
    for (Expr c : cs) {
      out.add(expand(c));
    }
    return out;
  }
}
