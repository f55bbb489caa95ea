package dev.tapio.rules.internal.drools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which alpha constraints each Drools rule gets from its rule's {@link IndexedCheck}s, so that
 * Drools shares and hashes them across rules the way it does the event type.
 *
 * <p>For each event type, fields are ranked by how many rules of that type index them; each rule's
 * constraints follow that order, so rules with the same leading constraints share their alpha nodes
 * ({@code fd.typechar == "f"} once for every file-writing rule), and sibling constraints on one
 * field are hashed ({@code proc.name == "bash"}, {@code proc.name == "nc"}, … cost one lookup).
 * Every single-value check becomes a constraint; of the checks with several values ({@code
 * proc.name in (…)}) the best-ranked one with at most {@link #MAX_VALUES} values is expanded into
 * one Drools rule per value (an event has one value, so at most one copy can match), the others are
 * left to the rule's predicate.
 */
public final class IndexPlan {

  /** The most values a check may have to be expanded into one Drools rule per value. */
  public static final int MAX_VALUES = 64;

  /** One alpha constraint: {@code check}'s field, as text, equals {@code value}. */
  public record Key(IndexedCheck check, Object value) {
    public String field() {
      return check.field();
    }
  }

  /** One Drools rule of a rule and type: its name suffix and its constraints in network order. */
  public record Variant(String suffix, List<Key> keys) {}

  private final Map<String, Map<String, Integer>> uses;

  private IndexPlan(Map<String, Map<String, Integer>> uses) {
    this.uses = uses;
  }

  public static IndexPlan of(List<RuleCode> rules) {
    Map<String, Map<String, Integer>> uses = new HashMap<>();
    for (RuleCode r : rules) {
      if (!r.enabled() || r.anyEventType()) {
        continue;
      }
      for (String type : r.eventTypes()) {
        Set<String> fields = new LinkedHashSet<>();
        for (IndexedCheck c : r.indexedChecksFor(type)) {
          fields.add(c.field());
        }
        Map<String, Integer> counts = uses.computeIfAbsent(type, t -> new HashMap<>());
        fields.forEach(f -> counts.merge(f, 1, Integer::sum));
      }
    }
    return new IndexPlan(uses);
  }

  /** The Drools rules of {@code r} for {@code type}: at least one, each with its constraints. */
  public List<Variant> variants(RuleCode r, String type) {
    Map<String, Integer> counts = uses.getOrDefault(type, Map.of());
    List<IndexedCheck> checks = new ArrayList<>(r.indexedChecksFor(type));
    // most used fields first, then by name: the same order in every rule of the type
    checks.sort(
        Comparator.<IndexedCheck>comparingInt(c -> -counts.getOrDefault(c.field(), 0))
            .thenComparing(IndexedCheck::field));
    IndexedCheck expanded = null;
    for (IndexedCheck c : checks) {
      if (c.values().size() > 1 && c.values().size() <= MAX_VALUES) {
        expanded = c;
        break;
      }
    }
    if (expanded == null) {
      return List.of(new Variant("", keys(checks, null, "")));
    }
    List<Variant> out = new ArrayList<>();
    for (int i = 0; i < expanded.values().size(); i++) {
      out.add(new Variant("_" + i, keys(checks, expanded, expanded.values().get(i))));
    }
    return out;
  }

  /**
   * The single-value checks, and {@code expanded} with {@code value}, in order, without repeats.
   */
  private static List<Key> keys(
      List<IndexedCheck> checks,
      @org.jspecify.annotations.Nullable IndexedCheck expanded,
      Object value) {
    Set<String> seen = new LinkedHashSet<>();
    List<Key> out = new ArrayList<>();
    for (IndexedCheck c : checks) {
      Object v = c == expanded ? value : c.values().size() == 1 ? c.values().getFirst() : null;
      if (v != null && seen.add(c.field() + '\u0000' + v)) {
        out.add(new Key(c, v));
      }
    }
    return out;
  }
}
