package dev.tapio.app;

import static java.util.Objects.requireNonNull;

import dev.tapio.api.spi.AlertSink;
import dev.tapio.app.config.Settings;
import dev.tapio.app.http.EngineHealth;
import dev.tapio.app.http.HttpEndpoint;
import dev.tapio.app.http.StatusServer;
import dev.tapio.app.metrics.EngineMetrics;
import dev.tapio.app.metrics.MetricSources;
import dev.tapio.app.outputs.AlertOutputs;
import dev.tapio.app.pipeline.AlertCompleter;
import dev.tapio.app.pipeline.Pipeline;
import dev.tapio.app.pipeline.PipelineStats;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.CriSettings;
import dev.tapio.enrich.Enricher;
import dev.tapio.enrich.EnricherBuilder;
import dev.tapio.enrich.HostRoot;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.MatchingSession;
import dev.tapio.sensors.SensorConfig;
import dev.tapio.sensors.SensorSet;
import dev.tapio.sensors.Sensors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The engine's whole life in one place. Start-up is the ordered list in {@link #start()}, from the
 * end of the data flow back to the kernel, so every stage has somewhere to send its output before
 * its input starts; teardown is the same list in reverse.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /** How long an alert may wait for its new container's metadata before it leaves without it. */
  static final Duration CONTAINER_LOOKUP_WAIT = Duration.ofMillis(500);

  /** How often losses (pipeline queue full, kernel ring buffers full) are logged, when any. */
  static final Duration LOSS_REPORT_INTERVAL = Duration.ofSeconds(60);

  private final EngineOptions options;
  private final Lifecycle lifecycle = new Lifecycle();

  private @Nullable CompiledRuleSet rules;
  private @Nullable AlertSink alerts;
  private @Nullable Enricher enricher;
  private @Nullable Pipeline pipeline;
  private @Nullable SensorSet sensors;
  private @Nullable AlertOutputs outputs;
  private @Nullable StatusServer http;
  private final EngineMetrics metrics;

  private final AlertSink extraSink;

  public Engine(EngineOptions options) {
    this(options, AlertSink.noop());
  }

  /** An engine that also hands every alert to {@code extraSink} (tests, embedding). */
  public Engine(EngineOptions options, AlertSink extraSink) {
    this.options = options;
    this.extraSink = extraSink;
    this.metrics =
        new EngineMetrics(
            BuildInfo.version(),
            MetricSources.of(
                () -> pipeline, () -> sensors, () -> outputs, () -> rules, () -> enricher));
  }

  public void start() {
    lifecycle.step("load rules", this::loadRules);
    lifecycle.step("start alert sinks", this::startSinks);
    lifecycle.step("start enrichment", this::startEnrichment);
    lifecycle.step("start the pipeline", this::startPipeline);
    lifecycle.step("start sensors", this::startSensors);
    lifecycle.step("report losses", this::startLossReports);
    lifecycle.step("serve health and metrics", this::startHttp);
    log.info(
        "tapio {} ready: {} rules ({}), {} event types, sensors: {}",
        BuildInfo.version(),
        rules().rules().stream().filter(r -> r.enabled()).count(),
        options.describeRules(),
        eventTypes().size(),
        sensors == null ? "none" : sensors.statuses());
  }

  private AutoCloseable loadRules() {
    rules =
        RuleSets.load(
            options.ruleFiles(), options.bundledRules(), RuleSelection.of(options.config()));
    metrics.rulesLoaded(rules().rules());
    return () -> {};
  }

  private AutoCloseable startSinks() {
    AlertOutputs built =
        AlertOutputs.start(
            options.config(),
            options.environment(),
            options.jsonAlerts() && !options.printEvents(),
            List.of(extraSink),
            BuildInfo.version());
    outputs = built;
    alerts = metrics.counting(built.pipeline());
    return built;
  }

  private AutoCloseable startEnrichment() {
    EnricherBuilder builder = Enricher.builder();
    // The host's /proc, cgroup tree, runtime socket and user files are read under host.root when
    // Tapio runs in a container (the Helm chart mounts them under /host).
    HostRoot host = HostRoot.of(options.config().find(Settings.HOST_ROOT).orElse(null));
    builder.hostRoot(host);
    // The container runtime is found at its usual socket (containerd, CRI-O, cri-dockerd), or at
    // TAPIO_CRI_SOCKET; when none answers, containers are still told apart by cgroup.
    String socket = options.environment().get("TAPIO_CRI_SOCKET");
    CriSettings cri =
        host.cri(
            socket == null || socket.isBlank()
                ? CriSettings.DEFAULT
                : CriSettings.DEFAULT.withSocket(Path.of(socket)));
    log.info("host root: {} ({})", host.path(), options.config().origin(Settings.HOST_ROOT));
    host.describe(cri).forEach(line -> log.info("host: {}", line));
    builder.containers(ContainerMetadataSource.cri(cri));
    KubernetesAccess.podSource(options.environment()).ifPresent(builder::pods);
    Enricher built = builder.build();
    enricher = built;
    built.statusLines().forEach(line -> log.info("enrichment: {}", line));
    return built;
  }

  private AutoCloseable startPipeline() {
    MatchingSession session = new MatchingSession(rules());
    Enricher enrich = requireNonNull(enricher);
    EventTap tap = EventTap.of(options);
    AlertCompleter completion =
        new AlertCompleter(
            e -> enrich.awaitComplete(e, CONTAINER_LOOKUP_WAIT), requireNonNull(alerts));
    Pipeline built =
        new Pipeline(
                enrich::enrich,
                options.printEvents() ? e -> List.of() : session::match,
                completion::send,
                tap,
                65_536,
                options.config().get(Settings.REORDER_DELAY))
            .start();
    pipeline = built;
    return () -> {
      built.close();
      completion.flush();
      session.close();
      tap.close();
    };
  }

  private AutoCloseable startSensors() {
    SensorConfig config =
        SensorConfig.builder()
            .ringBufferBytes(options.ringBufferBytes())
            .selfPid((int) ProcessHandle.current().pid())
            .cgroupRateLimit(
                options.config().get(Settings.CGROUP_FILE_RATE),
                options.config().get(Settings.CGROUP_FILE_BURST))
            .build();
    // TAPIO_SENSORS=floor: counter-only programs on the same hooks, for overhead benchmarks.
    boolean floor = "floor".equals(options.environment().get("TAPIO_SENSORS"));
    if (floor) {
      log.info("TAPIO_SENSORS=floor: the sensors only count, no event reaches the rules");
    }
    SensorSet set = floor ? Sensors.floor(config) : Sensors.open(config);
    sensors = set;
    set.start(SensorChoice.eventTypes(eventTypes(), options.config()), requireNonNull(pipeline));
    set.statuses().forEach((name, status) -> log.info("sensor {}: {}", name, status));
    warnAboutRulesThatCannotFire(set.eventTypesDelivered());
    return () -> {
      reportSensorLosses(set);
      set.close();
    };
  }

  private AutoCloseable startLossReports() {
    return new LossReporter(
        this::pipelineStats,
        () -> sensors == null ? Map.of() : sensors.dropCounters(),
        LOSS_REPORT_INTERVAL);
  }

  /** Each enabled rule none of whose event types the sensors deliver here, then the count. */
  private void warnAboutRulesThatCannotFire(Set<String> delivered) {
    List<String> lines = RuleReach.report(rules().rules(), delivered);
    boolean anyDead = lines.size() > 1; // the last line is the count
    lines.forEach(line -> log.atLevel(anyDead ? Level.WARN : Level.INFO).log(line));
  }

  private AutoCloseable startHttp() throws IOException {
    EngineHealth health = new EngineHealth(() -> pipeline, () -> rules != null, () -> sensors);
    StatusServer server = HttpEndpoint.start(options.config(), health, metrics).orElse(null);
    http = server;
    return server == null ? () -> {} : server;
  }

  /** Where {@code /healthz}, {@code /readyz} and {@code /metrics} are served, once started. */
  public Optional<InetSocketAddress> httpAddress() {
    return Optional.ofNullable(http).map(StatusServer::address);
  }

  /** What the kernel could not hand over: never silent. */
  private static void reportSensorLosses(SensorSet set) {
    var dropped = set.dropCounters();
    long total = dropped.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      log.warn("sensors dropped {} records (ring buffers full): {}", total, dropped);
    } else {
      log.info("sensors dropped no records");
    }
    set.stats().forEach(s -> log.info("sensor stats: {}", s));
  }

  /**
   * The event types to ask the kernel for: what the rules can match, plus what enrichment needs.
   */
  Set<String> eventTypes() {
    Set<String> types = new TreeSet<>(Enricher.requiredEventTypes());
    if (options.printEvents() || options.recordTo() != null) {
      types.addAll(Sensors.eventTypes());
    } else {
      types.addAll(rules().eventTypes());
    }
    return types;
  }

  private CompiledRuleSet rules() {
    return requireNonNull(rules, "rules not loaded");
  }

  public PipelineStats pipelineStats() {
    return PipelineStats.of(pipeline);
  }

  @Override
  public void close() {
    lifecycle.close();
    log.info("tapio stopped");
  }
}
