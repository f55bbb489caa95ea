package dev.tapio.app.config;

import static dev.tapio.app.config.ValueTypes.BOOLEAN;
import static dev.tapio.app.config.ValueTypes.DURATION_VALUE;
import static dev.tapio.app.config.ValueTypes.FRACTION;
import static dev.tapio.app.config.ValueTypes.INTEGER;
import static dev.tapio.app.config.ValueTypes.PATH;
import static dev.tapio.app.config.ValueTypes.SIZE_BYTES;
import static dev.tapio.app.config.ValueTypes.STRING;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of {@code tapio run}, in the order {@code tapio config show} prints them. This list
 * is the schema: the file reader accepts exactly these keys, {@code docs/configuration.md} is
 * checked against it, and the engine reads its settings through these constants.
 */
public final class Settings {
  private Settings() {}

  // rules
  public static final Setting<List<Path>> RULES_FILES =
      of(
          "rules.files",
          list(PATH),
          List.of(),
          "Rule files, loaded in order; empty: the bundled rules.");
  public static final Setting<List<Path>> RULES_DIRECTORIES =
      of(
          "rules.directories",
          list(PATH),
          List.of(),
          "Every *.yaml/*.yml of these, in name order, after rules.files.");
  public static final Setting<Boolean> RULES_BUNDLED =
      Settings.<Boolean>of(
          "rules.bundled",
          BOOLEAN,
          null,
          "Load the bundled rules before rules.files and rules.directories; default: only when neither is set.");
  public static final Setting<List<String>> RULES_DISABLE_NAMES =
      of("rules.disable.names", list(STRING), List.of(), "Rules to turn off, by name.");
  public static final Setting<List<String>> RULES_DISABLE_TAGS =
      of("rules.disable.tags", list(STRING), List.of(), "Rules to turn off, by tag.");
  public static final Setting<List<String>> RULES_ENABLE_NAMES =
      of(
          "rules.enable.names",
          list(STRING),
          List.of(),
          "Rules to turn on, by name (after disable).");
  public static final Setting<List<String>> RULES_ENABLE_TAGS =
      of("rules.enable.tags", list(STRING), List.of(), "Rules to turn on, by tag (after disable).");

  public static final Setting<List<Path>> RULES_SHADOW_FILES =
      of(
          "rules.shadow.files",
          list(PATH),
          List.of(),
          "Rule files loaded in shadow mode: the rules they add or change run beside the live ones, their alerts marked tapio.shadow and counted apart.");
  public static final Setting<List<AppendOutput>> APPEND_OUTPUT =
      of(
          "append_output",
          AppendOutput.TYPE,
          AppendOutput.DEFAULT,
          "Falco's append_output: text and fields added to the alerts of the rules each entry matches (by source, tags, rule); the default adds container and pod to every syscall alert.");
  public static final Setting<Boolean> RULES_WATCH =
      of(
          "rules.watch",
          BOOLEAN,
          true,
          "Reload the rules when a rule file or directory changes (SIGHUP reloads always).");
  public static final Setting<Boolean> RULES_CACHE_ENABLED =
      of(
          "rules.cache.enabled",
          BOOLEAN,
          true,
          "Keep what the sensors need of each rule set (event types, kernel filter) by the rule files' hash, so a start with unchanged rules starts the sensors while the rules compile.");
  public static final Setting<Path> RULES_CACHE_DIRECTORY =
      of(
          "rules.cache.directory",
          PATH,
          Path.of("/var/lib/tapio/rules-cache"),
          "Where rules.cache keeps its entries; when it cannot be read or written the rules compile first, as without a cache.");

  // outputs
  public static final Setting<Boolean> JSON_ENABLED =
      of(
          "outputs.json.enabled",
          BOOLEAN,
          true,
          "Print alerts as Falco-shaped JSON lines on stdout.");
  public static final Setting<String> OTLP_ENDPOINT =
      Settings.<String>of(
              "outputs.otlp.endpoint",
              ValueTypes.URL,
              null,
              "OTLP receiver; alerts go there as OTLP logs when set.")
          .withVariables("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
  public static final Setting<String> OTLP_PROTOCOL =
      of(
              "outputs.otlp.protocol",
              ValueTypes.oneOf("http/protobuf", "grpc"),
              "http/protobuf",
              "OTLP transport.")
          .withVariables("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
  public static final Setting<Map<String, String>> OTLP_HEADERS =
      of(
              "outputs.otlp.headers",
              ValueTypes.STRING_MAP,
              Map.of(),
              "Headers sent with every export (e.g. authorization).")
          .withVariables("OTEL_EXPORTER_OTLP_LOGS_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS")
          .asSecret();
  public static final Setting<Path> OTLP_CA_FILE =
      Settings.<Path>of(
              "outputs.otlp.caFile",
              PATH,
              null,
              "PEM certificates to trust instead of the system's.")
          .withVariables("OTEL_EXPORTER_OTLP_LOGS_CERTIFICATE", "OTEL_EXPORTER_OTLP_CERTIFICATE");
  public static final Setting<Boolean> SYSLOG_ENABLED =
      of("outputs.syslog.enabled", BOOLEAN, false, "Send alerts to a syslog receiver (RFC 5424).");
  public static final Setting<String> SYSLOG_HOST =
      of("outputs.syslog.host", STRING, "localhost", "Syslog receiver host.");
  public static final Setting<Integer> SYSLOG_PORT =
      of("outputs.syslog.port", INTEGER, 514, "Syslog receiver port.")
          .withCheck(p -> p > 0 && p < 65_536, "a port number from 1 to 65535");
  public static final Setting<String> SYSLOG_TRANSPORT =
      of(
          "outputs.syslog.transport",
          ValueTypes.oneOf("udp", "tcp", "tls"),
          "udp",
          "Syslog transport.");
  public static final Setting<Path> SYSLOG_CA_FILE =
      Settings.<Path>of("outputs.syslog.caFile", PATH, null, "PEM certificates to trust for tls.");

  // spool
  public static final Setting<Boolean> SPOOL_ENABLED =
      of("spool.enabled", BOOLEAN, true, "Keep alerts on disk while a receiver is unreachable.");
  public static final Setting<Path> SPOOL_DIRECTORY =
      of(
          "spool.directory",
          PATH,
          Path.of("/var/lib/tapio/spool"),
          "Spool root; one subdirectory per sink. A temporary directory when not writable.");
  public static final Setting<Long> SPOOL_MAX_BYTES =
      of(
              "spool.maxBytes",
              SIZE_BYTES,
              256L << 20,
              "Size limit per sink; beyond it alerts are dropped and counted.")
          .withCheck(b -> b >= 4096, "a size of at least 4KiB");
  public static final Setting<Duration> SPOOL_MAX_AGE =
      of(
              "spool.maxAge",
              DURATION_VALUE,
              Duration.ofHours(24),
              "How long an alert may wait in the spool.")
          .withCheck(d -> !d.isZero(), "a duration longer than zero");

  // rate limits
  public static final Setting<Integer> CGROUP_FILE_RATE =
      of(
              "rateLimits.cgroup.fileRecordsPerSecond",
              INTEGER,
              20_000,
              "File records one cgroup may send per second, in the kernel; 0: no limit. Process lifecycle is never limited.")
          .withCheck(r -> r >= 0, "an integer of at least 0");
  public static final Setting<Integer> CGROUP_FILE_BURST =
      of(
              "rateLimits.cgroup.fileBurst",
              INTEGER,
              50_000,
              "File records one cgroup may send at once.")
          .withCheck(r -> r >= 1, "an integer of at least 1");
  public static final Setting<Boolean> ALERT_LIMIT_ENABLED =
      of(
          "rateLimits.alerts.enabled",
          BOOLEAN,
          true,
          "Let only a few identical alerts through per window, then one summary.");
  public static final Setting<Duration> ALERT_LIMIT_WINDOW =
      of(
              "rateLimits.alerts.window",
              DURATION_VALUE,
              Duration.ofMinutes(1),
              "The window identical alerts are counted over.")
          .withCheck(d -> !d.isZero(), "a duration longer than zero");
  public static final Setting<Integer> ALERT_LIMIT_PER_KEY =
      of(
              "rateLimits.alerts.perKey",
              INTEGER,
              5,
              "Identical alerts (same rule, container, fields) let through per window.")
          .withCheck(n -> n >= 1, "an integer of at least 1");
  public static final Setting<Integer> ALERT_LIMIT_GLOBAL =
      of("rateLimits.alerts.global", INTEGER, 1000, "All alerts let through per window.")
          .withCheck(n -> n >= 1, "an integer of at least 1");

  public static final Setting<Duration> LOSS_REPORT_INTERVAL =
      of(
              "rateLimits.lossReports.interval",
              DURATION_VALUE,
              Duration.ofMinutes(1),
              "How often lost events are reported, when any: a log line and a record to the sinks (rule \"Tapio internal: events dropped\").")
          .withCheck(d -> d.toMillis() >= 100, "a duration of at least 100ms");

  // sampling
  public static final Setting<Boolean> SAMPLING_ENABLED =
      of(
          "sampling.enabled",
          BOOLEAN,
          true,
          "When the pipeline falls behind, keep only 1 in N file opens, file changes, first datagrams and TCP closes (in that order); other kinds are never sampled.");
  public static final Setting<Double> SAMPLING_QUEUE_HIGH =
      of(
          "sampling.queueHighWatermark",
          FRACTION,
          0.5,
          "Pipeline queue fill at or above which the pipeline is behind: N doubles each interval.");
  public static final Setting<Double> SAMPLING_QUEUE_LOW =
      of(
          "sampling.queueLowWatermark",
          FRACTION,
          0.1,
          "Pipeline queue fill at or below which (with the CPU under 80% of the budget) N halves each interval.");
  public static final Setting<Double> SAMPLING_CPU_BUDGET =
      of(
              "sampling.cpuBudget",
              FRACTION,
              0.9,
              "Share of one core the pipeline thread may use; above it the pipeline is behind even with a short queue.")
          .withCheck(d -> d > 0, "a number above 0, at most 1");
  public static final Setting<Integer> SAMPLING_MAX_KEEP_ONE_IN =
      of("sampling.maxKeepOneIn", INTEGER, 1024, "The largest N of keep 1 in N.")
          .withCheck(n -> n >= 2 && Integer.bitCount(n) == 1, "a power of two of at least 2");
  public static final Setting<Duration> SAMPLING_INTERVAL =
      of(
              "sampling.interval",
              DURATION_VALUE,
              Duration.ofMillis(500),
              "How often the load is measured and N moves one step.")
          .withCheck(d -> d.toMillis() >= 10, "a duration of at least 10ms");

  // sensors
  public static final Setting<Duration> REORDER_DELAY =
      of(
              "sensors.reorderDelay",
              DURATION_VALUE,
              Duration.ofMillis(50),
              "How long events wait to be put back in time order across the sensors' ring buffers; alerts are at least this late.")
          .withCheck(d -> d.compareTo(Duration.ofSeconds(10)) <= 0, "a duration of at most 10s");
  public static final Setting<Long> RING_BUFFER_SIZE =
      of(
              "sensors.ringBufferSize",
              SIZE_BYTES,
              8L << 20,
              "The ring buffer of the process, file and net sensors; the privilege, seccomp and lsm sensors, which see rare events, get an eighth of it.")
          .withCheck(
              b -> b >= 4096 && b <= (1L << 30) && Long.bitCount(b) == 1,
              "a power of two from 4KiB to 1GiB");
  public static final Setting<Boolean> FILE_SENSOR_ENABLED =
      of(
          "sensors.file.enabled",
          BOOLEAN,
          true,
          "The file sensor (opens, renames, deletes, attribute changes).");
  public static final Setting<Boolean> FILE_KERNEL_FILTER =
      of(
          "sensors.file.kernelFilter",
          BOOLEAN,
          true,
          "Drop in the kernel the opens no enabled rule could match (a filter derived from the rules); false: every open reaches the engine.");

  // metrics over OTLP
  public static final Setting<Boolean> METRICS_OTLP_ENABLED =
      of(
          "metrics.otlp.enabled",
          BOOLEAN,
          false,
          "Also push the engine's metrics (those of /metrics) to outputs.otlp.endpoint as OTLP metrics; the receiver needs a metrics pipeline.");
  public static final Setting<Duration> METRICS_OTLP_INTERVAL =
      of(
              "metrics.otlp.interval",
              DURATION_VALUE,
              Duration.ofSeconds(60),
              "How often the metrics are pushed over OTLP.")
          .withCheck(d -> d.toMillis() >= 100, "a duration of at least 100ms");

  // flows
  public static final Setting<Boolean> FLOWS_ENABLED =
      of(
          "flows.enabled",
          BOOLEAN,
          true,
          "Aggregate connections into flows and export them as OTLP logs beside the alerts (when outputs.otlp.endpoint is set).");
  public static final Setting<Duration> FLOWS_INTERVAL =
      of("flows.interval", DURATION_VALUE, Duration.ofSeconds(60), "How often flows are exported.")
          .withCheck(d -> d.toMillis() >= 100, "at least 100ms");
  public static final Setting<Integer> FLOWS_MAX_FLOWS =
      of(
              "flows.maxFlows",
              INTEGER,
              16_384,
              "Flows kept apart per interval; the least recently used beyond go to the overflow bucket.")
          .withCheck(n -> n >= 16, "at least 16");
  public static final Setting<Integer> FLOWS_MAX_EXTERNAL_ADDRESSES =
      of(
              "flows.maxExternalAddresses",
              INTEGER,
              1_024,
              "Distinct bare addresses kept apart per interval; the rest count as other-external.")
          .withCheck(n -> n >= 0, "not negative");

  // host
  public static final Setting<Path> HOST_ROOT =
      Settings.<Path>of(
          "host.root",
          PATH,
          null,
          "Where the host's root is mounted when Tapio runs in a container (e.g. /host): its /proc, cgroup tree, runtime sockets and /etc/passwd are read there.");

  // identity
  public static final Setting<String> NODE_NAME =
      Settings.<String>of(
              "node.name",
              STRING,
              null,
              "k8s.node.name of alerts and their syslog host; default: NODE_NAME or the host name.")
          .withVariables("TAPIO_NODE_NAME", "NODE_NAME");
  public static final Setting<String> CLUSTER_NAME =
      Settings.<String>of("cluster.name", STRING, null, "k8s.cluster.name of alerts.")
          .withVariables("TAPIO_CLUSTER_NAME");

  // shutdown
  public static final Setting<Duration> SHUTDOWN_DRAIN_TIMEOUT =
      of(
              "shutdown.drainTimeout",
              DURATION_VALUE,
              Duration.ofSeconds(20),
              "On SIGTERM or SIGINT: how long detaching, draining the queues and flushing the sinks may take before the process exits anyway (keep it below the pod's terminationGracePeriodSeconds).")
          .withCheck(d -> !d.isZero(), "a duration longer than zero");

  // http
  public static final Setting<Boolean> HTTP_ENABLED =
      of("http.enabled", BOOLEAN, true, "Serve /healthz, /readyz and /metrics.");
  public static final Setting<String> HTTP_ADDRESS =
      of(
          "http.address",
          ValueTypes.ADDRESS,
          "127.0.0.1:8765",
          "Listen address; any other than loopback needs a token.");
  public static final Setting<String> HTTP_TOKEN =
      Settings.<String>of("http.token", STRING, null, "Bearer token requests must carry.")
          .asSecret();
  public static final Setting<Path> HTTP_TOKEN_FILE =
      Settings.<Path>of(
          "http.tokenFile", PATH, null, "File holding the bearer token (first line).");

  public static final Setting<Boolean> HTTP_PROBES_WITHOUT_TOKEN =
      of(
          "http.probesWithoutToken",
          BOOLEAN,
          false,
          "Answer /healthz and /readyz without the token (kubelet probes cannot send one); /metrics still needs it.");

  /** Every setting, in file order. */
  public static final List<Setting<?>> ALL =
      List.of(
          RULES_FILES,
          RULES_DIRECTORIES,
          RULES_BUNDLED,
          RULES_DISABLE_NAMES,
          RULES_DISABLE_TAGS,
          RULES_ENABLE_NAMES,
          RULES_ENABLE_TAGS,
          RULES_SHADOW_FILES,
          RULES_WATCH,
          RULES_CACHE_ENABLED,
          RULES_CACHE_DIRECTORY,
          APPEND_OUTPUT,
          JSON_ENABLED,
          OTLP_ENDPOINT,
          OTLP_PROTOCOL,
          OTLP_HEADERS,
          OTLP_CA_FILE,
          SYSLOG_ENABLED,
          SYSLOG_HOST,
          SYSLOG_PORT,
          SYSLOG_TRANSPORT,
          SYSLOG_CA_FILE,
          SPOOL_ENABLED,
          SPOOL_DIRECTORY,
          SPOOL_MAX_BYTES,
          SPOOL_MAX_AGE,
          CGROUP_FILE_RATE,
          CGROUP_FILE_BURST,
          ALERT_LIMIT_ENABLED,
          ALERT_LIMIT_WINDOW,
          ALERT_LIMIT_PER_KEY,
          ALERT_LIMIT_GLOBAL,
          LOSS_REPORT_INTERVAL,
          SAMPLING_ENABLED,
          SAMPLING_QUEUE_HIGH,
          SAMPLING_QUEUE_LOW,
          SAMPLING_CPU_BUDGET,
          SAMPLING_MAX_KEEP_ONE_IN,
          SAMPLING_INTERVAL,
          REORDER_DELAY,
          RING_BUFFER_SIZE,
          FILE_SENSOR_ENABLED,
          FILE_KERNEL_FILTER,
          METRICS_OTLP_ENABLED,
          METRICS_OTLP_INTERVAL,
          FLOWS_ENABLED,
          FLOWS_INTERVAL,
          FLOWS_MAX_FLOWS,
          FLOWS_MAX_EXTERNAL_ADDRESSES,
          HOST_ROOT,
          NODE_NAME,
          CLUSTER_NAME,
          SHUTDOWN_DRAIN_TIMEOUT,
          HTTP_ENABLED,
          HTTP_ADDRESS,
          HTTP_TOKEN,
          HTTP_TOKEN_FILE,
          HTTP_PROBES_WITHOUT_TOKEN);

  /** The setting at {@code path}, if there is one. */
  public static java.util.Optional<Setting<?>> byPath(String path) {
    return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
  }

  private static <T> Setting<T> of(
      String path, ValueType<T> type, @Nullable T defaultValue, String description) {
    return new Setting<>(path, type, defaultValue, description, List.of(), null, false);
  }

  private static <T> ValueType<List<T>> list(ValueType<T> item) {
    return new ValueTypes.ListType<>(item);
  }
}
