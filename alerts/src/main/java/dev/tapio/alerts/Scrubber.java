package dev.tapio.alerts;

import dev.tapio.alerts.internal.DefaultScrubRules;
import dev.tapio.alerts.internal.ScrubRule;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.ProcessExec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Redacts secrets from alerts before any sink sees them: passwords, tokens, API keys, private keys,
 * credentials in URLs, {@code Authorization} headers and {@code --password=}-style flags, the token
 * shapes of AWS, GCP, Azure, GitHub, GitLab, Slack, Stripe and npm, and JWTs. It rewrites the
 * rendered output, every string output field, and the command lines of the process lineage (which
 * sinks turn into {@code process.command_line}). Fields on the allow list are never touched; fields
 * on the deny list are replaced whole, and their values are also cut out of the output.
 */
public final class Scrubber {
  /** What a secret is replaced with. */
  public static final String REDACTED = "[REDACTED]";

  static final String BAD_PATTERN = "scrub pattern '%s' is not a valid regular expression: %s";

  private static final Scrubber NONE = new Scrubber(List.of(), Set.of(), Set.of());

  private final List<ScrubRule> rules;
  private final Set<String> allow;
  private final Set<String> deny;

  private Scrubber(List<ScrubRule> rules, Set<String> allow, Set<String> deny) {
    this.rules = List.copyOf(rules);
    this.allow = Set.copyOf(allow);
    this.deny = Set.copyOf(deny);
  }

  /** The built-in patterns, no field lists. */
  public static Scrubber defaults() {
    return builder().build();
  }

  /** A scrubber that changes nothing. */
  public static Scrubber none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The names of the active patterns, built-in first. */
  public List<String> patternNames() {
    return rules.stream().map(ScrubRule::name).toList();
  }

  /** {@code text} with every secret replaced by {@value #REDACTED}. */
  public String scrub(String text) {
    if (rules.isEmpty() || text.isEmpty()) {
      return text;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String current = text;
    for (ScrubRule rule : rules) {
      if (rule.mayMatch(lower)) {
        String next = applyRule(rule, current);
        if (!next.equals(current)) {
          current = next;
          lower = current.toLowerCase(Locale.ROOT);
        }
      }
    }
    return current;
  }

  private static String applyRule(ScrubRule rule, String text) {
    return rule.apply(text, REDACTED);
  }

  /** The alert with its secrets redacted; the same instance when there was nothing to redact. */
  @SuppressWarnings("ReferenceEquality") // "unchanged" is the very same instance
  public Alert scrub(Alert alert) {
    if (this == NONE) {
      return alert;
    }
    boolean changed = false;
    String output = alert.output();
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> field : alert.outputFields().entrySet()) {
      String name = field.getKey();
      Object value = field.getValue();
      Object scrubbed = value;
      if (isDenied(name)) {
        if (value != null) {
          String text = value.toString();
          if (!text.isEmpty()) {
            output = output.replace(text, REDACTED);
          }
          scrubbed = REDACTED;
        }
      } else if (value instanceof String s && !allow.contains(name)) {
        scrubbed = scrub(s);
      }
      changed |= scrubbed != value;
      fields.put(name, scrubbed);
    }
    String scrubbedOutput = scrub(output);
    changed |= !scrubbedOutput.equals(alert.output());
    EnrichedEvent event = scrub(alert.event());
    changed |= event != alert.event();
    if (!changed) {
      return alert;
    }
    return alert.withOutput(scrubbedOutput, fields).withEvent(event);
  }

  private boolean isDenied(String field) {
    if (deny.contains(field)) {
      return true;
    }
    for (String entry : deny) {
      if (entry.endsWith("*") && field.startsWith(entry.substring(0, entry.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The event with the arguments of every process in its lineage scrubbed. Where a secret spans
   * arguments ({@code --password hunter2}), the scrubbed arguments are kept as one string, so the
   * command line reads the same as the scrubbed text.
   */
  @SuppressWarnings("ReferenceEquality") // "unchanged" is the very same instance
  private EnrichedEvent scrub(EnrichedEvent event) {
    List<ProcessInfo> chain = event.lineage().chain();
    List<ProcessInfo> scrubbedChain = new ArrayList<>(chain.size());
    boolean changed = false;
    for (ProcessInfo process : chain) {
      List<String> args = scrubArgs(process.args());
      if (args != process.args()) {
        changed = true;
        scrubbedChain.add(process.withArgs(args));
      } else {
        scrubbedChain.add(process);
      }
    }
    Event raw = event.event();
    if (raw instanceof ProcessExec exec && exec.argv().size() > 1) {
      List<String> original = exec.argv().subList(1, exec.argv().size());
      List<String> rest = scrubArgs(original);
      if (rest != original) {
        List<String> argv = new ArrayList<>();
        argv.add(exec.argv().getFirst());
        argv.addAll(rest);
        raw = exec.withArgv(argv);
        changed = true;
      }
    }
    if (!changed) {
      return event;
    }
    return event.withEvent(raw).withLineage(new Lineage(scrubbedChain));
  }

  /** The same list when nothing changed, else the scrubbed arguments joined into one. */
  private List<String> scrubArgs(List<String> args) {
    if (args.isEmpty()) {
      return args;
    }
    String joined = String.join(" ", args);
    String scrubbed = scrub(joined);
    return scrubbed.equals(joined) ? args : List.of(scrubbed);
  }

  /** Builds a {@link Scrubber}: built-in patterns (unless dropped), extra patterns, field lists. */
  public static final class Builder {
    private boolean builtIns = true;
    private final List<ScrubRule> extra = new ArrayList<>();
    private final Set<String> allow = new LinkedHashSet<>();
    private final Set<String> deny = new LinkedHashSet<>();

    private Builder() {}

    /** Whether to use the built-in patterns (default true). */
    public Builder builtInPatterns(boolean use) {
      this.builtIns = use;
      return this;
    }

    /**
     * Adds a pattern. With a named group {@code s} only that group is redacted ({@code
     * "ticket=(?<s>\\d+)"}), otherwise the whole match.
     */
    public Builder pattern(String name, String regex) {
      try {
        extra.add(new ScrubRule(name, Pattern.compile(regex), List.of(), false, n -> false));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(BAD_PATTERN.formatted(name, e.getDescription()), e);
      }
      return this;
    }

    /** An output field never scrubbed (for values known to be safe, such as hashes). */
    public Builder allowField(String field) {
      allow.add(field);
      return this;
    }

    /**
     * An output field always replaced whole, and its value cut out of the output; a trailing {@code
     * *} matches a prefix ({@code proc.env*}).
     */
    public Builder denyField(String field) {
      deny.add(field);
      return this;
    }

    public Scrubber build() {
      List<ScrubRule> rules = new ArrayList<>();
      if (builtIns) {
        rules.addAll(DefaultScrubRules.all());
      }
      rules.addAll(extra);
      return new Scrubber(rules, allow, deny);
    }
  }
}
