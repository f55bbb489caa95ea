package dev.tapio.app.cli;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.app.RuleFiles;
import dev.tapio.app.RuleSelection;
import dev.tapio.app.RuleSets;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
import dev.tapio.app.pipeline.OutputAppender;
import dev.tapio.recording.EventFormatException;
import dev.tapio.recording.Recording;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tapio replay FILE}: run recorded events through the rules, offline, and write the alerts
 * {@code tapio run} would have written with the same configuration (its rules and its {@code
 * append_output}).
 */
@Command(
    name = "replay",
    description = {
      "Run a recording (from 'tapio record') through the rules and print the alerts as JSON lines,",
      "as 'tapio run' with the same configuration writes them (its rules, rule selection and",
      "append_output).",
      "Exit status 0 when it ran (alerts or not), 2 when the recording, the rules or the",
      "configuration are broken."
    })
public final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The recording.")
  Path file = Path.of("events.jsonl");

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    return ConfigErrors.reported(spec, this::replay);
  }

  private int replay() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EffectiveConfig config = options.resolve(System.getenv());
    OutputAppender append = OutputAppender.of(config.get(Settings.APPEND_OUTPUT));
    List<Path> rules =
        RuleFiles.collect(config.get(Settings.RULES_FILES), config.get(Settings.RULES_DIRECTORIES));
    List<EnrichedEvent> events;
    try {
      events = Recording.read(file);
    } catch (EventFormatException e) {
      return broken(err, e.getMessage());
    }
    int alerts = 0;
    boolean bundled = config.find(Settings.RULES_BUNDLED).orElse(rules.isEmpty());
    try (MatchingSession session =
        new MatchingSession(RuleSets.load(rules, bundled, RuleSelection.of(config)))) {
      for (EnrichedEvent event : events) {
        for (Match match : session.match(event)) {
          out.println(JsonLinesSink.format(append.apply(match.render())));
          alerts++;
        }
      }
    } catch (RuleSets.InvalidRulesException e) {
      return broken(err, e.getMessage());
    }
    out.flush();
    err.printf("replayed %d events: %d alerts%n", events.size(), alerts);
    err.flush();
    return 0;
  }

  private static int broken(PrintWriter err, @Nullable String message) {
    err.println("tapio replay: " + message);
    err.flush();
    return 2;
  }
}
