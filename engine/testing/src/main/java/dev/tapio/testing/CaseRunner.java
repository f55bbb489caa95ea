package dev.tapio.testing;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Runs cases against a rule set and explains every failure. */
public final class CaseRunner {
  static final String NA = "<NA>";

  private final RuleHarness rules;

  public CaseRunner(RuleHarness rules) {
    this.rules = rules;
  }

  public CaseResult run(RuleCase c) {
    long start = System.nanoTime();
    List<Fired> fired = new ArrayList<>();
    rules.reset();
    for (int i = 0; i < c.events().size(); i++) {
      for (Alert alert : rules.evaluate(c.events().get(i))) {
        if (c.focus().isEmpty() || c.focus().contains(alert.rule())) {
          fired.add(new Fired(i, alert));
        }
      }
    }
    List<String> failures = new ArrayList<>();
    for (String rule : c.focus()) {
      checkKnown(rule, failures);
    }
    Set<String> expectedRules = new HashSet<>();
    for (ExpectedAlert expected : c.expected()) {
      expectedRules.add(expected.rule());
      if (checkKnown(expected.rule(), failures)) {
        check(c, expected, fired, failures);
      }
    }
    for (Fired f : fired) {
      if (!expectedRules.contains(f.alert().rule())) {
        failures.add(unexpected(c, f));
      }
    }
    return new CaseResult(
        c, failures, fired.stream().map(Fired::alert).toList(), System.nanoTime() - start);
  }

  private record Fired(int event, Alert alert) {}

  private boolean checkKnown(String rule, List<String> failures) {
    if (!rules.ruleNames().contains(rule)) {
      String near =
          rules.ruleNames().stream()
              .min(Comparator.comparingInt(n -> Levenshtein.distance(n, rule)))
              .filter(n -> Levenshtein.distance(n, rule) <= Math.max(3, rule.length() / 4))
              .map(n -> " (did you mean '" + n + "'?)")
              .orElse("");
      failures.add("rule '" + rule + "' is not in the loaded rules" + near);
      return false;
    }
    if (!rules.isEnabled(rule)) {
      failures.add("rule '" + rule + "' is loaded but disabled: it can never fire");
      return false;
    }
    return true;
  }

  private void check(RuleCase c, ExpectedAlert expected, List<Fired> fired, List<String> failures) {
    List<Fired> ofRule =
        fired.stream().filter(f -> f.alert().rule().equals(expected.rule())).toList();
    if (ofRule.isEmpty()) {
      if (expected.count() != null && expected.count() == 0) {
        return;
      }
      failures.add(didNotFire(c, expected.rule()));
      return;
    }
    if (expected.count() != null && ofRule.size() != expected.count()) {
      failures.add(
          "rule '"
              + expected.rule()
              + "' fired "
              + ofRule.size()
              + " time(s), expected "
              + expected.count()
              + " (on events "
              + ofRule.stream().map(f -> String.valueOf(f.event())).toList()
              + ")");
    }
    if (expected.priority() != null) {
      for (Fired f : ofRule) {
        if (f.alert().priority() != expected.priority()) {
          failures.add(
              "rule '"
                  + expected.rule()
                  + "' fired with priority "
                  + f.alert().priority().falcoName()
                  + ", expected "
                  + expected.priority().falcoName());
          break;
        }
      }
    }
    if (!expected.fields().isEmpty()
        && ofRule.stream().noneMatch(f -> fieldMismatches(expected, f.alert()).isEmpty())) {
      StringBuilder text =
          new StringBuilder(
              "rule '" + expected.rule() + "' fired, but not with the expected fields:");
      for (Fired f : ofRule) {
        text.append("\n  on event ")
            .append(f.event())
            .append(" (")
            .append(f.alert().event().type())
            .append("):");
        for (String mismatch : fieldMismatches(expected, f.alert())) {
          text.append("\n    ").append(mismatch);
        }
      }
      failures.add(text.toString());
    }
  }

  private static List<String> fieldMismatches(ExpectedAlert expected, Alert alert) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.fields().entrySet()) {
      Map<String, ?> fields = alert.outputFields();
      if (!fields.containsKey(e.getKey())) {
        out.add(
            e.getKey()
                + ": not an output field of this rule (its fields: "
                + fields.keySet()
                + ")");
        continue;
      }
      Object value = fields.get(e.getKey());
      String actual = value == null ? NA : String.valueOf(value);
      if (!Objects.equals(actual, e.getValue())) {
        out.add(e.getKey() + ": expected '" + e.getValue() + "' but was '" + actual + "'");
      }
    }
    return out;
  }

  private String didNotFire(RuleCase c, String rule) {
    StringBuilder text = new StringBuilder("expected rule '" + rule + "' to fire, but it did not:");
    for (int i = 0; i < c.events().size(); i++) {
      EnrichedEvent e = c.events().get(i);
      text.append("\n  event ").append(i).append(" (").append(e.type()).append("):");
      for (String line : rules.explain(rule, e)) {
        text.append("\n    ").append(line);
      }
    }
    List<String> overall = rules.explain(rule, c.events());
    if (!overall.isEmpty()) {
      text.append("\n  over all events:");
      overall.forEach(line -> text.append("\n    ").append(line));
    }
    return text.toString();
  }

  private static String unexpected(RuleCase c, Fired f) {
    Alert a = f.alert();
    String kind = c.expectsSilence() ? "expected silence, but" : "unexpected alert:";
    return kind
        + " rule '"
        + a.rule()
        + "' ("
        + a.priority().falcoName()
        + ") fired on event "
        + f.event()
        + " ("
        + a.event().type()
        + "): "
        + a.output();
  }
}
