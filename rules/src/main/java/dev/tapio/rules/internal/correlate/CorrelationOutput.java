package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.Match;
import dev.tapio.rules.OutputFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A correlation's output: an {@link OutputFormat} whose tokens each read one event, a step's
 * ({@code %shell.proc.cmdline}: the first event of step {@code shell}) or, unprefixed, the event
 * that completed the correlation. The output fields are the tokens by name as written ({@code
 * shell.proc.cmdline}, {@code proc.name}) and, for each step, {@code correlation.<step>.id} (for a
 * threshold {@code correlation.<step>.ids}, a list).
 */
public final class CorrelationOutput {

  private final OutputFormat format;

  /** For each token of {@code format}, in order, the step it reads, or null for the trigger. */
  private final List<@Nullable String> tokenSteps;

  public CorrelationOutput(OutputFormat format, List<@Nullable String> tokenSteps) {
    this.format = format;
    this.tokenSteps = new ArrayList<>(tokenSteps);
  }

  public OutputFormat format() {
    return format;
  }

  public String render(EnrichedEvent trigger, List<Match.Step> steps) {
    StringBuilder out = new StringBuilder();
    int token = 0;
    for (OutputFormat.Part p : format.parts()) {
      switch (p) {
        case OutputFormat.Text t -> out.append(t.text());
        case OutputFormat.Token t -> {
          String v = OutputFormat.text(t.accessor().get(source(token++, trigger, steps)));
          if (t.width() > 0) {
            v = v.length() > t.width() ? v.substring(0, t.width()) : pad(v, t.width());
          }
          out.append(v);
        }
      }
    }
    return out.toString();
  }

  public Map<String, @Nullable Object> fields(EnrichedEvent trigger, List<Match.Step> steps) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    int token = 0;
    for (OutputFormat.Part p : format.parts()) {
      if (p instanceof OutputFormat.Token t) {
        String step = tokenSteps.get(token);
        EnrichedEvent e = source(token++, trigger, steps);
        if (!t.transformed()) {
          out.put(step == null ? t.name() : step + "." + t.name(), json(t.accessor().get(e)));
        }
      }
    }
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (Match.Step s : steps) {
      ids.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s.id());
    }
    ids.forEach(
        (name, list) ->
            out.put(
                "correlation." + name + (list.size() == 1 ? ".id" : ".ids"),
                list.size() == 1 ? list.getFirst() : List.copyOf(list)));
    return out;
  }

  private EnrichedEvent source(int token, EnrichedEvent trigger, List<Match.Step> steps) {
    String step = tokenSteps.get(token);
    if (step != null) {
      for (Match.Step s : steps) {
        if (s.name().equals(step)) {
          return s.event();
        }
      }
    }
    return trigger;
  }

  private static @Nullable Object json(@Nullable Object v) {
    return switch (v) {
      case null -> null;
      case java.net.InetAddress a -> dev.tapio.api.event.IpText.of(a);
      case byte[] b -> new String(b, java.nio.charset.StandardCharsets.UTF_8);
      default -> v;
    };
  }

  private static String pad(String v, int width) {
    return v + " ".repeat(width - v.length());
  }
}
