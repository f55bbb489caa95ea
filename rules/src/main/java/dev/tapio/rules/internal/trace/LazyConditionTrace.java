package dev.tapio.rules.internal.trace;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.grammar.Expr;
import dev.tapio.rules.ConditionTrace;
import dev.tapio.rules.internal.compiler.CompileError;
import dev.tapio.rules.internal.fields.FieldCatalog;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The trace of one compiled rule, prepared on first use: loading a rule set pays nothing for
 * explanations that are never asked for.
 */
public final class LazyConditionTrace implements ConditionTrace {

  private final Expr condition;
  private final Map<String, Expr> macros;
  private final FieldCatalog catalog;
  private volatile @Nullable TraceNode root;

  /**
   * @param condition the rule's condition as parsed (exceptions added, lists substituted), macros
   *     still named
   * @param macros every macro the rule can use, as parsed
   */
  public LazyConditionTrace(Expr condition, Map<String, Expr> macros, FieldCatalog catalog) {
    this.condition = condition;
    this.macros = macros;
    this.catalog = catalog;
  }

  @Override
  public List<String> explain(EnrichedEvent event) {
    TraceNode r = root;
    if (r == null) {
      try {
        r = new TraceBuilder(catalog, macros).build(condition);
      } catch (CompileError e) {
        // the rule compiled, so its parts do too
        throw new IllegalStateException(e);
      }
      root = r;
    }
    return TraceRenderer.explain(r, event);
  }
}
