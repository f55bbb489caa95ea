package dev.tapio.app.cli;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.app.RuleSets;
import dev.tapio.recording.EventFormatException;
import dev.tapio.recording.Recording;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tapio replay FILE}: run recorded events through the rules, offline. */
@Command(
    name = "replay",
    description = {
      "Run a recording (from 'tapio record') through the rules and print the alerts as JSON lines.",
      "Exit status 0 when it ran (alerts or not), 2 when the recording or the rules are broken."
    })
public final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The recording.")
  Path file = Path.of("events.jsonl");

  @Option(
      names = {"-r", "--rules"},
      paramLabel = "FILE",
      description = "Rule files, loaded in order (default: the bundled rules).")
  List<Path> rules = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<EnrichedEvent> events;
    try {
      events = Recording.read(file);
    } catch (EventFormatException e) {
      err.println("tapio replay: " + e.getMessage());
      err.flush();
      return 2;
    }
    int alerts = 0;
    try (MatchingSession session = new MatchingSession(RuleSets.load(rules))) {
      for (EnrichedEvent event : events) {
        for (Match match : session.match(event)) {
          out.println(JsonLinesSink.format(match.render()));
          alerts++;
        }
      }
    } catch (RuleSets.InvalidRulesException e) {
      err.println("tapio replay: " + e.getMessage());
      err.flush();
      return 2;
    }
    out.flush();
    err.printf("replayed %d events: %d alerts%n", events.size(), alerts);
    err.flush();
    return 0;
  }
}
