package dev.tapio.app.reload;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.app.pipeline.RuleMatcher;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's matcher across reloads. {@link #swap} may be called on any thread: it opens the
 * new generation's sessions there (the rule base is already built, off the hot path) and leaves
 * them for the pipeline thread, which switches to them before its next event and closes the old
 * ones. So the sessions are only ever used by one thread, no event waits for a rule build, and no
 * event is matched twice or skipped: each is matched by exactly one generation, the newest
 * published before it was matched.
 *
 * <p>Shadow rules match the same events in a session of their own; {@link #render} marks their
 * alerts. A shadow rule is known by identity (its {@link CompiledRule} object belongs to a shadow
 * rule set, never to a live one), remembered for the current and the previous generation so that
 * matches still on their way to the sinks at a swap keep their mark.
 */
public final class SwappableMatcher implements RuleMatcher, AutoCloseable {

  private record Sessions(MatchingSession live, @Nullable MatchingSession shadow)
      implements AutoCloseable {
    static Sessions open(RuleBase base) {
      CompiledRuleSet shadow = base.shadow();
      return new Sessions(
          new MatchingSession(base.live()), shadow == null ? null : new MatchingSession(shadow));
    }

    List<Match> match(EnrichedEvent event) {
      List<Match> live = this.live.match(event);
      if (shadow == null) {
        return live;
      }
      List<Match> shadowed = shadow.match(event);
      if (shadowed.isEmpty()) {
        return live;
      }
      List<Match> out = new ArrayList<>(live);
      out.addAll(shadowed);
      return out;
    }

    @Override
    public void close() {
      live.close();
      if (shadow != null) {
        shadow.close();
      }
    }
  }

  private final AtomicReference<@Nullable Sessions> next = new AtomicReference<>();
  private final Object shadowLock = new Object();
  private volatile Set<CompiledRule> shadowRules; // this generation's and the previous one's
  private List<CompiledRule> newestShadowRules;
  private Sessions current; // the pipeline thread's
  private volatile boolean closed;

  public SwappableMatcher(RuleBase initial) {
    this.current = Sessions.open(initial);
    this.newestShadowRules = initial.shadowRules();
    this.shadowRules = identitySet(newestShadowRules, List.of());
  }

  /** Makes {@code base} the rules every event matched from now on is matched against. */
  public void swap(RuleBase base) {
    Sessions opened = Sessions.open(base);
    synchronized (shadowLock) {
      shadowRules = identitySet(base.shadowRules(), newestShadowRules);
      newestShadowRules = base.shadowRules();
    }
    Sessions unused = next.getAndSet(opened);
    if (unused != null) {
      unused.close(); // published, never used: two reloads between two events
    }
    if (closed) {
      Sessions left = next.getAndSet(null);
      if (left != null) {
        left.close();
      }
    }
  }

  @Override
  public List<Match> match(EnrichedEvent event) {
    Sessions newer = next.getAndSet(null);
    if (newer != null) {
      current.close();
      current = newer;
    }
    return current.match(event);
  }

  /** The alert of {@code match}, marked when its rule is a shadow rule. */
  public Alert render(Match match) {
    Alert alert = match.render();
    return shadowRules.contains(match.rule()) ? Shadow.mark(alert) : alert;
  }

  /** Closes the sessions; call after the pipeline thread has stopped. */
  @Override
  public void close() {
    closed = true;
    current.close();
    Sessions left = next.getAndSet(null);
    if (left != null) {
      left.close();
    }
  }

  private static Set<CompiledRule> identitySet(
      List<CompiledRule> rules, List<CompiledRule> alsoKeep) {
    Set<CompiledRule> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.addAll(rules);
    out.addAll(alsoKeep);
    return Collections.unmodifiableSet(out);
  }
}
