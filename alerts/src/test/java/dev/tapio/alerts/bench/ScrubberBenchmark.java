package dev.tapio.alerts.bench;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.alerts.Scrubber;
import dev.tapio.alerts.TestAlerts;
import dev.tapio.api.alert.Alert;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What scrubbing costs per alert and per string. Run with {@code ./bench alerts ScrubberBenchmark}
 * from the repository root; results are recorded in {@code docs/performance-engine.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScrubberBenchmark {
  private final Scrubber scrubber = Scrubber.defaults();
  private final Alert cleanAlert = TestAlerts.shellAlert("bench-1");
  private final String cleanOutput =
      "A shell was spawned in a container with an attached terminal (user=root user_loginuid=-1"
          + " k8s.ns=shop k8s.pod=web-7d9c5b6f4-x2x9z container=3f9d2c1b0a4e shell=bash"
          + " parent=runc cmdline=bash -c id pid=4242 terminal=34816 container_id=3f9d2c1b0a4e"
          + " image=docker.io/library/nginx)";
  private final String secretCommandLine =
      "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3j'"
          + " https://admin:s3cr3tP4ss@db.internal/api --password=hunter2";

  @Benchmark
  public String scrubCleanOutput() {
    return scrubber.scrub(cleanOutput);
  }

  @Benchmark
  public String scrubCommandLineWithSecrets() {
    return scrubber.scrub(secretCommandLine);
  }

  @Benchmark
  public Alert scrubCleanAlert() {
    return scrubber.scrub(cleanAlert);
  }

  @Benchmark
  public String formatFalcoJson() {
    return JsonLinesSink.format(cleanAlert);
  }
}
