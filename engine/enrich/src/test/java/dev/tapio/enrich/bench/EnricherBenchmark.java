package dev.tapio.enrich.bench;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.enrich.ContainerMetadata;
import dev.tapio.enrich.Enricher;
import dev.tapio.enrich.InMemoryContainerMetadataSource;
import dev.tapio.enrich.InMemoryPodMetadataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What enrichment costs per event on the hot path: a file open by a process eight levels deep in a
 * known container of a known pod, and an exec that replaces a process table entry. Run with {@code
 * ./bench engine/enrich EnricherBenchmark -prof gc} to see the allocation per event too.
 */
@State(Scope.Benchmark)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnricherBenchmark {
  private static final String ID = "0123456789abcdef".repeat(4);
  private static final String POD_UID = "11111111-2222-3333-4444-555555555555";
  private static final Credentials USER = new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0);

  private Path root;
  private Enricher enricher;
  private FileOpen open;
  private ProcessExec exec;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    root = Files.createTempDirectory("tapio-enrich-bench");
    Path etc = Files.createDirectories(root.resolve("etc"));
    Files.writeString(etc.resolve("passwd"), "alice:x:1000:1000::/home/alice:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "alice:x:1000:\n");
    Path cgroup =
        Files.createDirectories(root.resolve("cg/kubepods/besteffort/pod" + POD_UID + "/" + ID));
    long cgroupId = ((Number) Files.getAttribute(cgroup, "unix:ino")).longValue();
    ContainerInfo container =
        new ContainerInfo(
            ID,
            "web",
            "nginx:1.27",
            "nginx",
            "1.27",
            "",
            "containerd",
            false,
            List.of(),
            Map.of(),
            0);
    PodInfo pod =
        new PodInfo(
            "web-0",
            POD_UID,
            "shop",
            Map.of("app", "web"),
            Map.of(),
            Map.of(),
            List.of(),
            "n",
            null);
    enricher =
        Enricher.builder()
            .procRoot(null)
            .etcRoot(etc)
            .cgroup2Root(root.resolve("cg"))
            .hostname("node-1")
            .containers(
                new InMemoryContainerMetadataSource().put(new ContainerMetadata(container, pod, 1)))
            .pods(new InMemoryPodMetadataSource().put(pod))
            .build();
    for (int pid = 100; pid < 108; pid++) {
      enricher.enrich(execOf(pid, pid - 1, cgroupId, "/bin/sh"));
    }
    open = new FileOpen(header(107, cgroupId), "openat", "/etc/shadow", "/etc/shadow", 0, 0, 3);
    exec = execOf(107, 106, cgroupId, "/usr/bin/curl");
  }

  private static EventHeader header(int pid, long cgroupId) {
    return new EventHeader(1_700_000_000_000_000_000L, pid, pid, cgroupId, Namespaces.UNKNOWN);
  }

  private static ProcessExec execOf(int pid, int ppid, long cgroupId, String path) {
    return new ProcessExec(
        header(pid, cgroupId),
        "execve",
        path,
        path,
        List.of(path, "-c", "true"),
        "/",
        "sh",
        ppid,
        pid,
        pid,
        0,
        USER,
        false,
        false);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    enricher.close();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Benchmark
  public EnrichedEvent fileOpenInAContainer() {
    return enricher.enrich(open);
  }

  @Benchmark
  public EnrichedEvent execInAContainer() {
    return enricher.enrich(exec);
  }
}
