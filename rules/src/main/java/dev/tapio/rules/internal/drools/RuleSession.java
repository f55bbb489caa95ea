package dev.tapio.rules.internal.drools;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.RuleMatching;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A long-lived Drools session over a compiled rule set: per event, insert, fire, delete. An event
 * of a type no rule can match (a process exit, a fork, kept for enrichment or a correlation) is not
 * inserted at all: Drools' insert and delete cost as much as a rule's test, and would find nothing.
 * Not thread-safe: one session per processing thread. Close it to release the Drools session.
 */
public final class RuleSession implements AutoCloseable {

  private final KieSession session;
  private final RuleRuntime runtime;

  /** The event types some rule can match; null when one matches every type. */
  private final @Nullable Set<String> eventTypes;

  private RuleSession(KieSession session, RuleRuntime runtime, @Nullable Set<String> eventTypes) {
    this.session = session;
    this.runtime = runtime;
    this.eventTypes = eventTypes;
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
    return new RuleSession(session, runtime, eventTypes(rules));
  }

  /** The types {@code rules} can match between them; null when one can match any type. */
  static @Nullable Set<String> eventTypes(List<RuleCode> rules) {
    Set<String> types = new HashSet<>();
    for (RuleCode r : rules) {
      if (r.anyEventType()) {
        return null;
      }
      types.addAll(r.eventTypes());
    }
    return types;
  }

  /** Whether {@code type} reaches the rules: false when no rule can match it. */
  public boolean matches(String type) {
    Set<String> types = eventTypes;
    return types == null || types.contains(type);
  }

  /** Runs the rules of {@code event}'s type; matches go to the session's listener. */
  public void process(EnrichedEvent event) {
    if (!matches(event.type())) {
      return;
    }
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
