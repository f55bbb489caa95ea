package dev.tapio.rules.internal.drools;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.RuleMatching;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A long-lived Drools session over a compiled rule set: per event, insert, fire, delete. Not
 * thread-safe: one session per processing thread. Close it to release the Drools session.
 */
public final class RuleSession implements AutoCloseable {

  private final KieSession session;
  private final RuleRuntime runtime;

  private RuleSession(KieSession session, RuleRuntime runtime) {
    this.session = session;
    this.runtime = runtime;
  }

  /**
   * A long-lived stateful session over {@code rules} whose matches go to {@code listener}. It is
   * used by one thread only, so it is built without Drools' cross-thread propagation queue and
   * state machine.
   */
  public static RuleSession open(
      KieBase kieBase, List<RuleCode> rules, RuleMatching matching, MatchListener listener) {
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ThreadSafeOption.NO);
    KieSession session = kieBase.newKieSession(conf, null);
    RuleRuntime runtime = new RuleRuntime(rules, matching, listener);
    session.setGlobal(DrlEmitter.GLOBAL, runtime);
    return new RuleSession(session, runtime);
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
