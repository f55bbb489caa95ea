package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.OutputFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a correlation did or did not fire over some events: for each event, which steps it
 * matches (with its key) and, for a step it does not match, the step condition's deciding path;
 * then, over all of them, which step never matched or that the steps matched but not in order,
 * within the window and with one key. Slow and for explaining only.
 */
public final class CorrelationExplainer {

  private CorrelationExplainer() {}

  /** The lines for one event: a line per step that looks at its type. */
  public static List<String> explain(CompiledCorrelation c, EnrichedEvent event) {
    List<String> out = new ArrayList<>();
    for (Step s : c.steps()) {
      String label = label(s);
      if (!s.looksAt(event.type())) {
        out.add(label + ": evt.type is '" + event.type() + "': the step does not look at it");
      } else if (s.test(event)) {
        out.add(label + ": matches, " + key(c, s, event));
      } else {
        out.add(label + ": does not match:");
        s.condition().trace().explain(event).forEach(line -> out.add("  " + line));
      }
    }
    return out;
  }

  /** The closing lines over all of {@code events}. */
  public static List<String> summary(CompiledCorrelation c, List<EnrichedEvent> events) {
    List<String> out = new ArrayList<>();
    boolean all = true;
    for (Step s : c.steps()) {
      long n = events.stream().filter(e -> s.looksAt(e.type()) && s.test(e)).count();
      if (n == 0 && !(c.kind() == CompiledCorrelation.Kind.ABSENCE && s != c.steps().getFirst())) {
        out.add(label(s) + " matched no event");
        all = false;
      } else if (c.kind() == CompiledCorrelation.Kind.THRESHOLD && n < c.count()) {
        out.add(label(s) + " matched " + n + " event(s), fewer than the count " + c.count());
        all = false;
      }
    }
    if (all) {
      String window = text(c.within());
      out.add(
          switch (c.kind()) {
            case SEQUENCE ->
                "every step matched, but not in order within " + window + " with one key " + c.by();
            case THRESHOLD ->
                "the step matched often enough, but not "
                    + c.count()
                    + " times within "
                    + window
                    + " with one key "
                    + c.by();
            case ABSENCE ->
                "no first step stayed unanswered for "
                    + window
                    + " with a later event after that (the alert comes with the first event after"
                    + " the window)";
          });
    }
    return out;
  }

  /** A window as a rule writes it: {@code 60s}, {@code 10m}, {@code 1h}, {@code 500ms}. */
  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms >= 600_000) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static String label(Step s) {
    String rule = s.ruleName();
    return "step '" + s.name() + "'" + (rule == null ? "" : " (rule '" + rule + "')");
  }

  private static String key(CompiledCorrelation c, Step s, EnrichedEvent event) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < s.keys().size(); i++) {
      parts.add(c.by().get(i) + " = " + OutputFormat.text(s.keys().get(i).get(event)));
    }
    return "key " + String.join(", ", parts);
  }
}
