package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.OpenFlags;
import dev.tapio.api.filter.KernelFilter;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kernel filter loses no alert: over generated opens (paths from the rules' own literals and
 * their neighbours plus random ones, passed as they are, not yet normal or relative, every access
 * mode with and without other flags, success and failure, host and container, processes named as
 * the rules name them), the rule set raises exactly the same alerts on the events the filter
 * admits, deciding on the path as passed as the kernel does, as on all events.
 */
class KernelFilterEquivalenceTest {

  private static final Pattern PATHLIKE = Pattern.compile("[^\\s,()'\"=]*/[^\\s,()'\"]*");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.+-]{2,}");
  private static final List<String> TYPES = List.of("open", "openat", "openat2", "creat");
  private static final int[] EXTRA_FLAGS = {
    0,
    OpenFlags.O_CREAT,
    OpenFlags.O_TRUNC | OpenFlags.O_CREAT,
    OpenFlags.O_APPEND,
    OpenFlags.O_CLOEXEC
  };

  @Test
  void falcoRulesRaiseTheSameAlertsFiltered() {
    boolean present = Files.isRegularFile(FalcoCorpusTest.STABLE);
    if (!present) {
      System.err.println(
          "!!!!! Falco rule corpus not found at "
              + FalcoCorpusTest.DIR
              + ": kernel filter equivalence over Falco's rules SKIPPED !!!!!");
    }
    assumeTrue(present, "Falco rule corpus missing");
    LoadReport report =
        RuleLoader.create()
            .load(
                List.of(
                    FalcoCorpusTest.STABLE, FalcoCorpusTest.INCUBATING, FalcoCorpusTest.SANDBOX));
    Result r = run(CompiledRuleSet.build(report.rules(), RuleMatching.ALL), 40_000, 1);
    assertThat(r.alertingEvents).as("events that alert").isGreaterThan(200);
    assertThat(r.dropped).as("events the filter drops").isGreaterThan(r.events / 10);
  }

  @Test
  void bundledRulesRaiseTheSameAlertsFiltered() {
    LoadReport report = RuleLoader.create().loadSources(BundledRules.sources());
    Result r = run(CompiledRuleSet.build(report.rules(), RuleMatching.ALL), 20_000, 2);
    assertThat(r.alertingEvents).as("events that alert").isGreaterThan(100);
  }

  record Result(int events, int alertingEvents, int dropped) {}

  private static Result run(CompiledRuleSet set, int count, long seed) {
    KernelFilter filter = set.kernelFilter();
    System.out.print(filter.describe());
    Pools pools = Pools.of(set.rules());
    Random random = new Random(seed);
    List<String> unfiltered = new ArrayList<>();
    List<String> filtered = new ArrayList<>();
    int alerting = 0;
    int dropped = 0;
    try (MatchingSession session = new MatchingSession(set)) {
      for (int i = 0; i < count; i++) {
        EnrichedEvent e = event(random, pools);
        FileOpen open = (FileOpen) e.event();
        List<Match> matches = session.match(e);
        boolean admitted = filter.admits(open.type(), open.rawPath(), open.flags(), open.result());
        for (Match m : matches) {
          String alert = i + " " + m.rule().name() + " " + open;
          unfiltered.add(alert);
          if (admitted) {
            filtered.add(alert);
          }
        }
        alerting += matches.isEmpty() ? 0 : 1;
        dropped += admitted ? 0 : 1;
      }
    }
    System.out.printf(
        "kernel filter: %d events, %d alert, %d dropped by the filter%n", count, alerting, dropped);
    assertThat(filtered).isEqualTo(unfiltered);
    return new Result(count, alerting, dropped);
  }

  /** Paths, file names and other words the rules' conditions mention. */
  record Pools(List<String> paths, List<String> words) {
    static Pools of(List<CompiledRule> rules) {
      Set<String> paths = new LinkedHashSet<>();
      Set<String> words = new LinkedHashSet<>();
      for (CompiledRule r : rules) {
        Matcher m = PATHLIKE.matcher(r.condition());
        while (m.find()) {
          String p = m.group().replaceAll("[*?\\[\\]]", "x");
          if (p.startsWith("/")) {
            paths.add(p);
          }
        }
        Matcher w = WORD.matcher(r.condition());
        while (w.find()) {
          words.add(w.group());
        }
      }
      paths.addAll(List.of("/etc/shadow", "/tmp/x", "/usr/lib/libc.so.6", "/home/u/.ssh/id_rsa"));
      words.addAll(List.of("bash", "python3", "nginx", "sshd", "cat", "dpkg", "node", "passwd"));
      return new Pools(List.copyOf(paths), List.copyOf(words));
    }

    String path(Random r) {
      return paths.get(r.nextInt(paths.size()));
    }

    String word(Random r) {
      return words.get(r.nextInt(words.size()));
    }
  }

  private static EnrichedEvent event(Random r, Pools pools) {
    String literal = pools.path(r);
    String path =
        switch (r.nextInt(8)) {
          case 0, 1 -> literal;
          case 2 -> literal + "/" + pools.word(r);
          case 3 ->
              literal.substring(0, Math.max(1, literal.lastIndexOf('/'))) + "/" + pools.word(r);
          case 4 -> "/" + pools.word(r) + "/" + pools.word(r);
          case 5 -> literal + pools.word(r);
          case 6 -> r.nextInt(10) == 0 ? "/" + "d".repeat(250) + literal : "/tmp/" + pools.word(r);
          default -> "/tmp/" + Integer.toHexString(r.nextInt()) + "/" + pools.word(r);
        };
    path = normalize(path);
    String raw = raw(r, path, pools);
    int flags = r.nextInt(4) | EXTRA_FLAGS[r.nextInt(EXTRA_FLAGS.length)];
    long result = r.nextInt(4) == 0 ? -2 - r.nextInt(12) : 3 + r.nextInt(5);
    String type = TYPES.get(r.nextInt(TYPES.size()));
    EventHeader h = new EventHeader(1_700_000_000_000_000_000L, 4242, 4242, 7, Namespaces.UNKNOWN);
    FileOpen open = new FileOpen(h, type, path, raw, flags, 0644, result);
    List<ProcessInfo> chain = new ArrayList<>();
    int depth = 1 + r.nextInt(3);
    for (int i = 0; i < depth; i++) {
      String name = r.nextBoolean() ? pools.word(r) : List.of("bash", "sh", "python3").get(i % 3);
      String exe = r.nextBoolean() ? "/usr/bin/" + name : pools.path(r);
      chain.add(
          new ProcessInfo(
              4242 - i,
              4242 - i,
              4241 - i,
              name.length() > ProcessInfo.COMM_MAX ? name.substring(0, ProcessInfo.COMM_MAX) : name,
              exe,
              exe,
              List.of(pools.word(r)),
              "/",
              1,
              4242,
              r.nextBoolean() ? 0 : 34816,
              Credentials.root(),
              0,
              false,
              false));
    }
    UserInfo user =
        r.nextBoolean()
            ? new UserInfo(0, "root", "/root", "/bin/bash", -1, null, 0, "root")
            : new UserInfo(1000, "app", "/home/app", "/bin/sh", 1000, "app", 1000, "app");
    ContainerInfo container =
        r.nextBoolean()
            ? ContainerInfo.HOST
            : new ContainerInfo(
                "3f9d2c1b0a4e5f6a7b8c9d0e",
                "web",
                "docker.io/library/nginx:1.27",
                "docker.io/library/nginx",
                "1.27",
                "",
                "containerd",
                r.nextBoolean(),
                List.of(),
                Map.of(),
                0);
    return new EnrichedEvent(open, new Lineage(chain), user, container, null, "node1");
  }

  /**
   * A path the program could have passed for {@code path} (fd.name): mostly the path itself, else
   * one with "//", "/./", "/x/../" or a trailing "/" that the sensors normalize, or relative to one
   * of its directories. The kernel compares only the first kind.
   */
  private static String raw(Random r, String path, Pools pools) {
    int slash = path.indexOf('/', 1 + r.nextInt(Math.max(1, path.length())));
    int at = slash < 0 ? path.lastIndexOf('/') : slash;
    String head = path.substring(0, at);
    String tail = path.substring(at);
    return switch (r.nextInt(12)) {
      case 0 -> head + "/" + tail;
      case 1 -> head + "/." + tail;
      case 2 -> head + "/" + pools.word(r) + "/.." + tail;
      case 3 -> path.length() > 1 ? path + "/" : path;
      case 4 -> path.length() > 1 ? path + "/." : path;
      case 5 -> tail.substring(1); // relative to head, the cwd or a dirfd
      default -> path;
    };
  }

  /** As the sensors deliver fd.name: absolute, no empty, "." or ".." component. */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
