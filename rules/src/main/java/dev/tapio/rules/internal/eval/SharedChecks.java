package dev.tapio.rules.internal.eval;

import dev.tapio.api.context.EnrichedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One predicate per distinct check across a rule set. Falco's rule files repeat the same checks in
 * many rules through shared macros ({@code container.id != host} in dozens of exec rules); a check
 * that more than one rule runs remembers its result for the event it last saw, so an event pays for
 * it once however many rules test it. Checks depend only on the event, which is immutable, so the
 * remembered result is the result.
 */
public final class SharedChecks {

  private final Map<String, Shared> byKey = new HashMap<>();
  private final List<Shared> all = new ArrayList<>();

  /** What {@link #intern} counts for a rule of every event type. */
  public static final String ANY_TYPE = "*";

  /**
   * The shared predicate for the check written {@code key}; {@code compiled} is what it runs.
   *
   * @param type the event type whose rule runs this use, {@link #ANY_TYPE}, or null for a use that
   *     is only compiled (such as the unspecialised predicate of a type-dispatched rule)
   * @param rule the rule's index
   */
  public EventPredicate intern(
      String key, EventPredicate compiled, @Nullable String type, int rule) {
    Shared s = byKey.get(key);
    if (s == null) {
      s = new Shared(compiled);
      byKey.put(key, s);
      all.add(s);
    }
    if (type != null) {
      s.rules.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(rule);
    }
    return s;
  }

  /**
   * Turns remembering on for every check that more than one rule runs on events of one type; call
   * once compiling is done. Returns how many checks are shared.
   */
  public int share() {
    int shared = 0;
    for (Shared s : all) {
      int anyType = s.rules.getOrDefault(ANY_TYPE, java.util.Set.of()).size();
      boolean twice = anyType > 1;
      for (Map.Entry<String, java.util.Set<Integer>> e : s.rules.entrySet()) {
        twice |= !e.getKey().equals(ANY_TYPE) && e.getValue().size() + anyType > 1;
      }
      if (twice) {
        s.remember = true;
        shared++;
      }
      s.rules.clear();
    }
    return shared;
  }

  /**
   * {@code p} with every check that is not shared replaced by the check itself, so the checks only
   * one rule runs cost no extra call; call after {@link #share}.
   */
  public static EventPredicate finish(EventPredicate p) {
    return switch (p) {
      case Shared s -> s.finished();
      case Logic.All a -> new Logic.All(finishAll(a.parts()));
      case Logic.Any a -> new Logic.Any(finishAll(a.parts()));
      case Logic.Negation n -> new Logic.Negation(finish(n.inner()));
      default -> p;
    };
  }

  private static EventPredicate[] finishAll(EventPredicate[] parts) {
    EventPredicate[] out = new EventPredicate[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = finish(parts[i]);
    }
    return out;
  }

  /**
   * Where a remembering check keeps its last results: the last event it found true and the last it
   * found false. A check's result depends only on the event, so whichever thread wrote an event
   * into {@code lastTrue} found it true: threads sharing a check can make each other recompute, but
   * never read a wrong result, and nothing is allocated per event.
   */
  private static final class Memory {
    private @Nullable EnrichedEvent lastTrue;
    private @Nullable EnrichedEvent lastFalse;
  }

  /**
   * A shared check as it runs: a record, so the JIT trusts its fields and inlines {@code check}
   * into a generated condition (see {@link PredicateClasses}).
   */
  record Remembering(EventPredicate check, Memory memory) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      Memory m = memory;
      if (m.lastTrue == e) {
        return true;
      }
      if (m.lastFalse == e) {
        return false;
      }
      boolean result = check.test(e);
      if (result) {
        m.lastTrue = e;
      } else {
        m.lastFalse = e;
      }
      return result;
    }
  }

  /** A check while rules are compiled: whether it is shared is known only at the end. */
  private static final class Shared implements EventPredicate {
    private final EventPredicate check;
    private final Map<String, java.util.Set<Integer>> rules = new HashMap<>();
    private boolean remember;
    private @Nullable Remembering remembering;

    Shared(EventPredicate check) {
      this.check = check;
    }

    /** What rules run once compiling is done: one remembering check for all, or the check. */
    EventPredicate finished() {
      if (!remember) {
        return check;
      }
      if (remembering == null) {
        remembering = new Remembering(check, new Memory());
      }
      return remembering;
    }

    @Override
    public boolean test(EnrichedEvent e) {
      return finished().test(e);
    }
  }
}
