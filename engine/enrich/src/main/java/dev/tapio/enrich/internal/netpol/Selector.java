package dev.tapio.enrich.internal.netpol;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled Kubernetes label selector: {@code matchLabels} and {@code matchExpressions} (In,
 * NotIn, Exists, DoesNotExist), all of which must hold. An empty selector matches everything; one
 * with an unknown operator matches nothing (the API server would have refused it).
 */
final class Selector {
  static final Selector ALL = new Selector(new Requirement[0]);

  private enum Op {
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST,
    NEVER
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (op) {
        case IN -> value != null && values.contains(value);
        // NotIn also matches pods without the label, as in Kubernetes
        case NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case NEVER -> false;
      };
    }
  }

  private final Requirement[] requirements;

  private Selector(Requirement[] requirements) {
    this.requirements = requirements;
  }

  /** Null for an absent selector (the caller decides what absent means), ALL for an empty one. */
  static @Nullable Selector compileOrNull(@Nullable LabelSelector selector) {
    return selector == null ? null : compile(selector);
  }

  static Selector compile(@Nullable LabelSelector selector) {
    if (selector == null) {
      return ALL;
    }
    List<Requirement> out = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector
          .getMatchLabels()
          .forEach((key, value) -> out.add(new Requirement(key, Op.IN, Set.of(value))));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement expression : selector.getMatchExpressions()) {
        out.add(requirement(expression));
      }
    }
    return out.isEmpty() ? ALL : new Selector(out.toArray(Requirement[]::new));
  }

  private static Requirement requirement(LabelSelectorRequirement expression) {
    String key = expression.getKey() == null ? "" : expression.getKey();
    Set<String> values =
        expression.getValues() == null ? Set.of() : Set.copyOf(expression.getValues());
    Op op =
        switch (String.valueOf(expression.getOperator())) {
          case "In" -> values.isEmpty() ? Op.NEVER : Op.IN;
          case "NotIn" -> values.isEmpty() ? Op.NEVER : Op.NOT_IN;
          case "Exists" -> Op.EXISTS;
          case "DoesNotExist" -> Op.DOES_NOT_EXIST;
          default -> Op.NEVER;
        };
    return new Requirement(key, op, values);
  }

  boolean matches(Map<String, String> labels) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
