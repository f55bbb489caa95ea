package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.drools.RuleRuntime;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A long-lived Drools session over a compiled rule set: per event, insert, fire, delete. Not
 * thread-safe: one session per processing thread. Close it to release the Drools session.
 */
public final class RuleSession implements AutoCloseable {

  private final KieSession session;
  private final RuleRuntime runtime;

  RuleSession(KieSession session, RuleRuntime runtime) {
    this.session = session;
    this.runtime = runtime;
  }

  /** Runs the rules of {@code event}'s type; matches go to the session's listener. */
  public void process(EnrichedEvent event) {
    runtime.startEvent();
    FactHandle handle = session.insert(event);
    try {
      session.fireAllRules();
    } finally {
      session.delete(handle);
    }
  }

  /** The Drools session itself, for callers that manage facts on their own. */
  public KieSession kieSession() {
    return session;
  }

  @Override
  public void close() {
    session.dispose();
  }
}
