package dev.tapio.app;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SyscallEvent;
import dev.tapio.app.reload.RuleLoad;
import dev.tapio.sensors.SensorStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records about Tapio itself, shaped as alerts so they travel the same way to the same receivers,
 * like Falco's internal drop alert ({@code Falco internal: syscall event drop}). Their rule names
 * start with {@value #PREFIX}, their source is {@value #SOURCE}, and their event is Tapio's own
 * process.
 */
final class InternalAlerts {
  static final String PREFIX = "Tapio internal: ";
  static final String SOURCE = "internal";
  static final String DROPS_RULE = PREFIX + "events dropped";
  static final String DROPS_OUTPUT =
      DROPS_RULE
          + ". %d events lost since the last report: %d in the kernel (ring buffers full), %d in"
          + " the pipeline (queue full)";
  static final String SAMPLED_OUTPUT = "; %d sampled away while the pipeline was behind";

  /** Of the kernel's losses, those of programs it skipped ({@link SensorStats#RECURSION}). */
  static final String SKIPPED_OUTPUT =
      "; of the kernel's, %d skipped by the kernel (another BPF program ran on the same CPU)";

  static final String RULES_LOADED = PREFIX + "rules loaded";
  static final String RULES_FAILED = PREFIX + "rules reload failed";

  private final String hostname;

  InternalAlerts(String hostname) {
    this.hostname = hostname;
  }

  /**
   * Events lost since the last report; the fields carry the totals and the kernel's count per
   * record kind ({@code tapio.drops.kernel.file_open}).
   */
  Alert drops(long kernel, long pipeline, Map<String, Long> kernelByKind) {
    return drops(kernel, pipeline, kernelByKind, Map.of());
  }

  /**
   * As above, with the events sampled away since the last report per sampled kind ({@code
   * tapio.sampled.file_open}) and their sum ({@code tapio.sampled.total}).
   */
  Alert drops(
      long kernel, long pipeline, Map<String, Long> kernelByKind, Map<String, Long> sampledByKind) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("tapio.drops.total", kernel + pipeline);
    fields.put("tapio.drops.kernel", kernel);
    fields.put("tapio.drops.pipeline", pipeline);
    kernelByKind.forEach((kind, n) -> fields.put("tapio.drops.kernel." + kind, n));
    long sampled = sampledByKind.values().stream().mapToLong(Long::longValue).sum();
    long skipped = kernelByKind.getOrDefault(SensorStats.RECURSION, 0L);
    fields.put("tapio.sampled.total", sampled);
    sampledByKind.forEach((kind, n) -> fields.put("tapio.sampled." + kind, n));
    return alert(
        DROPS_RULE,
        Priority.WARNING,
        DROPS_OUTPUT.formatted(kernel + pipeline, kernel, pipeline)
            + (skipped > 0 ? SKIPPED_OUTPUT.formatted(skipped) : "")
            + (sampled > 0 ? SAMPLED_OUTPUT.formatted(sampled) : ""),
        fields);
  }

  /**
   * The audit record of one load of the rules: why, what was read (names, SHA-256 of the contents),
   * and the result; a failed load says why and that the previous rules stay live.
   */
  Alert rulesLoad(RuleLoad load) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("tapio.rules.reason", load.reason());
    fields.put("tapio.rules.result", load.error() == null ? "loaded" : "failed");
    fields.put("tapio.rules.sha256", load.sha256());
    fields.put("tapio.rules.files", String.join(",", load.files()));
    if (load.error() instanceof String error) {
      fields.put("tapio.rules.error", error);
      return alert(
          RULES_FAILED,
          Priority.ERROR,
          RULES_FAILED
              + " (%s); the previous rules stay live: %s".formatted(load.reason(), summary(error)),
          fields);
    }
    fields.put("tapio.rules.live", load.liveRules());
    fields.put("tapio.rules.shadow", load.shadowRules());
    return alert(
        RULES_LOADED,
        Priority.INFORMATIONAL,
        RULES_LOADED
            + " (%s): %d live rules, %d shadow rules, files sha256 %s"
                .formatted(load.reason(), load.liveRules(), load.shadowRules(), load.sha256()),
        fields);
  }

  private static final java.util.regex.Pattern LOCATION =
      java.util.regex.Pattern.compile("\\(([^()]+:\\d+:\\d+)\\)");

  /** The innermost location of a load report and its last line: {@code rules.yaml:3:53: msg}. */
  static String summary(String report) {
    String last = report.strip().lines().reduce((a, b) -> b).orElse("");
    java.util.regex.Matcher m = LOCATION.matcher(report);
    String where = null;
    while (m.find()) {
      where = m.group(1);
    }
    return where == null ? last : where + ": " + last;
  }

  private Alert alert(
      String rule, Priority priority, String output, Map<String, @Nullable Object> fields) {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    int pid = (int) ProcessHandle.current().pid();
    SyscallEvent event =
        new SyscallEvent(
            new EventHeader(nanos, pid, pid, 0, Namespaces.UNKNOWN), "tapio", Map.of(), 0);
    ProcessInfo self =
        new ProcessInfo(
            pid,
            pid,
            0,
            "tapio",
            "tapio",
            ProcessHandle.current().info().command().orElse("tapio"),
            List.of(),
            "",
            0,
            0,
            0,
            Credentials.root(),
            0,
            false,
            false);
    EnrichedEvent enriched =
        new EnrichedEvent(
            event,
            Lineage.of(self),
            new UserInfo(0, "root", null, null, -1, null, 0, "root"),
            ContainerInfo.HOST,
            null,
            hostname);
    return new Alert(
        UUID.randomUUID().toString(),
        rule,
        priority,
        output,
        fields,
        Set.of("tapio_internal"),
        SOURCE,
        nanos,
        enriched);
  }
}
