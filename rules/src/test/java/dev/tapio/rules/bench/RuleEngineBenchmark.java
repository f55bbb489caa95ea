package dev.tapio.rules.bench;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleInternals;
import dev.tapio.rules.RuleLoader;
import dev.tapio.rules.internal.drools.RuleSession;
import dev.tapio.rules.internal.eval.EventPredicate;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through Falco's three default rule files (stable, incubating, sandbox) over a
 * mix of execs, file opens and connects where about 0.1% of events match: through one long-lived
 * Drools session (insert, fire, delete per event) versus the same compiled predicates in a plain
 * loop over the rules of the event's type. Run with {@code ./bench rules RuleEngineBenchmark} from
 * the repository root (needs {@code ../shared/falco-rules} beside the checkout).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEngineBenchmark {

  static final int BATCH = 1000;

  private EnrichedEvent[] events;
  private RuleSession session;
  private Map<String, CompiledRule[]> byType;
  private Map<String, EventPredicate[]> predicatesByType;
  private CompiledRule[] anyType;
  private long matches;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dir = corpus();
    LoadReport report =
        RuleLoader.create()
            .load(
                List.of(
                    dir.resolve("falco_rules.yaml"),
                    dir.resolve("falco-incubating_rules.yaml"),
                    dir.resolve("falco-sandbox_rules.yaml")));
    CompiledRuleSet set = report.buildRuleSet();
    session = RuleInternals.session(set, (rule, event) -> matches++);
    Map<String, List<CompiledRule>> types = new HashMap<>();
    List<CompiledRule> any = new ArrayList<>();
    for (CompiledRule r : set.rules()) {
      if (!r.enabled()) {
        continue;
      }
      if (r.anyEventType()) {
        any.add(r);
      }
      for (String t : r.eventTypes()) {
        types.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
      }
    }
    byType = new HashMap<>();
    predicatesByType = new HashMap<>();
    types.forEach(
        (k, v) -> {
          byType.put(k, v.toArray(CompiledRule[]::new));
          predicatesByType.put(
              k,
              v.stream()
                  .map(r -> RuleInternals.code(r).predicateFor(k))
                  .toArray(EventPredicate[]::new));
        });
    anyType = any.toArray(CompiledRule[]::new);
    events = mix();
    for (EnrichedEvent e : events) {
      session.process(e);
    }
    System.out.printf("%n%d of %d events in the mix match%n", matches, events.length);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long droolsSession() {
    for (EnrichedEvent e : events) {
      session.process(e);
    }
    return matches;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long plainPredicates() {
    long hits = 0;
    for (EnrichedEvent e : events) {
      CompiledRule[] rules = byType.get(e.type());
      CompiledRule first = null;
      if (rules != null) {
        EventPredicate[] predicates = predicatesByType.get(e.type());
        for (int i = 0; i < rules.length; i++) {
          if (predicates[i].test(e)) {
            first = rules[i]; // rules are in definition order: the first match wins
            break;
          }
        }
      }
      for (CompiledRule r : anyType) {
        if (RuleInternals.code(r).predicate().test(e)
            && (first == null || r.index() < first.index())) {
          first = r;
        }
      }
      if (first != null) {
        hits++;
      }
    }
    return hits;
  }

  static Path corpus() {
    for (String p : List.of("../shared/falco-rules", "../../shared/falco-rules")) {
      Path dir = Path.of(p).toAbsolutePath().normalize();
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException("Falco rule files not found in ../shared/falco-rules");
  }

  /** 1000 events: benign execs, opens and connects, and one read of /etc/shadow by a stranger. */
  public static EnrichedEvent[] mix() throws Exception {
    EventHeader h = new EventHeader(1_700_000_000_000_000_000L, 4242, 4242, 7, Namespaces.UNKNOWN);
    UserInfo user = new UserInfo(1000, "app", "/home/app", "/bin/sh", 1000, "app", 1000, "app");
    ContainerInfo container =
        new ContainerInfo(
            "3f9d2c1b0a4e5f6a7b8c9d0e",
            "web",
            "docker.io/library/nginx:1.27",
            "docker.io/library/nginx",
            "1.27",
            "",
            "containerd",
            false,
            List.of(),
            Map.of(),
            0);
    List<EnrichedEvent> out = new ArrayList<>();
    String[] libs = {
      "/usr/lib/x86_64-linux-gnu/libc.so.6", "/var/www/html/index.html", "/tmp/cache/x"
    };
    for (int i = 0; i < BATCH - 1; i++) {
      ProcessInfo nginx = process(4242, "nginx", "/usr/sbin/nginx", List.of("-g", "daemon off;"));
      ProcessInfo parent = process(1, "containerd-shim", "/usr/bin/containerd-shim", List.of());
      Lineage lineage = new Lineage(List.of(nginx, parent));
      var event =
          switch (i % 3) {
            case 0 ->
                new FileOpen(h, "openat", libs[i % libs.length], libs[i % libs.length], 0, 0, 5);
            case 1 ->
                new NetworkEvent(
                    h,
                    "connect",
                    2,
                    6,
                    9,
                    SocketAddress.inet(InetAddress.getByName("10.0.0.5"), 40000 + i),
                    SocketAddress.inet(InetAddress.getByName("10.0.0.9"), 8080),
                    0);
            default ->
                new ProcessExec(
                    h,
                    "execve",
                    "/usr/sbin/nginx",
                    "/usr/sbin/nginx",
                    List.of("nginx"),
                    "/",
                    "nginx",
                    1,
                    1,
                    1,
                    0,
                    Credentials.root(),
                    false,
                    false);
          };
      out.add(new EnrichedEvent(event, lineage, user, container, null, "node1"));
    }
    ProcessInfo stranger = process(5000, "python3", "/usr/bin/python3", List.of("x.py"));
    out.add(
        new EnrichedEvent(
            new FileOpen(h, "openat", "/etc/shadow", "/etc/shadow", 0, 0, 5),
            new Lineage(List.of(stranger, process(4242, "nginx", "/usr/sbin/nginx", List.of()))),
            user,
            container,
            null,
            "node1"));
    return out.toArray(EnrichedEvent[]::new);
  }

  static ProcessInfo process(int pid, String name, String exe, List<String> args) {
    return new ProcessInfo(
        pid,
        pid,
        1,
        name,
        exe,
        exe,
        args,
        "/",
        1,
        pid,
        0,
        Credentials.root(),
        1_699_999_000_000_000_000L,
        false,
        false);
  }
}
