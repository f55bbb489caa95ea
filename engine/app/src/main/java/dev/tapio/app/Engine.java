package dev.tapio.app;

import static java.util.Objects.requireNonNull;

import dev.tapio.alerts.OtlpMetrics;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.spi.AlertSink;
import dev.tapio.app.config.Origin;
import dev.tapio.app.config.Settings;
import dev.tapio.app.flows.FlowTelemetry;
import dev.tapio.app.http.EngineHealth;
import dev.tapio.app.http.HttpEndpoint;
import dev.tapio.app.http.StatusServer;
import dev.tapio.app.metrics.EngineMetrics;
import dev.tapio.app.metrics.MetricSources;
import dev.tapio.app.netpol.PolicyJudge;
import dev.tapio.app.outputs.AlertOutputs;
import dev.tapio.app.pipeline.AlertCompleter;
import dev.tapio.app.pipeline.ExecTracker;
import dev.tapio.app.pipeline.OutputAppender;
import dev.tapio.app.pipeline.Pipeline;
import dev.tapio.app.pipeline.PipelineStats;
import dev.tapio.app.pipeline.RuleMatcher;
import dev.tapio.app.pipeline.SamplingSettings;
import dev.tapio.app.reload.LiveRules;
import dev.tapio.app.reload.ReloadResult;
import dev.tapio.app.reload.RuleBase;
import dev.tapio.app.reload.RuleBuild;
import dev.tapio.app.reload.RuleShape;
import dev.tapio.app.reload.SwappableMatcher;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.CriSettings;
import dev.tapio.enrich.Enricher;
import dev.tapio.enrich.EnricherBuilder;
import dev.tapio.enrich.HostRoot;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.sensors.SensorSet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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

  private final EngineOptions options;
  private final Lifecycle lifecycle = new Lifecycle();

  private @Nullable RuleBuild ruleBuild;
  private @Nullable RuleShape shape;
  private volatile @Nullable LiveRules liveRules;
  private volatile @Nullable CompiledRuleSet rules;
  private @Nullable AlertSink alerts;
  private @Nullable Enricher enricher;
  private @Nullable Pipeline pipeline;
  private final EngineSensors sensors;
  private @Nullable AlertOutputs outputs;
  private @Nullable FlowTelemetry flows;
  private PolicyJudge judge = new PolicyJudge(null);
  private @Nullable StatusServer http;
  private final EngineMetrics metrics;
  private final KillSwitch killSwitch;

  private final AlertSink extraSink;

  public Engine(EngineOptions options) {
    this(options, AlertSink.noop());
  }

  /** An engine that also hands every alert to {@code extraSink} (tests, embedding). */
  public Engine(EngineOptions options, AlertSink extraSink) {
    this.options = options;
    this.extraSink = extraSink;
    this.sensors = new EngineSensors(options);
    this.killSwitch = new KillSwitch(sensors::current);
    this.metrics =
        new EngineMetrics(
            BuildInfo.version(),
            MetricSources.of(
                () -> pipeline, sensors::current, () -> outputs, () -> rules, () -> enricher));
  }

  /**
   * Starts the engine. The rules load on a thread of their own from {@code load rules} on: the
   * sensors start as soon as the rules' event types and kernel filter are known (at once when the
   * rule cache has them), and the engine is ready when the rule base is built too.
   */
  public void start() {
    lifecycle.step("check capabilities", RequiredCapabilities::check);
    lifecycle.step("load rules", this::loadRules);
    lifecycle.step("start alert sinks", this::startSinks);
    lifecycle.step("push metrics over OTLP", this::startOtlpMetrics);
    lifecycle.step("watch NetworkPolicies", this::watchNetworkPolicies);
    lifecycle.step("start flow telemetry", this::startFlows);
    lifecycle.step("start enrichment", this::startEnrichment);
    lifecycle.step("start the pipeline", this::startPipeline);
    lifecycle.step("learn the rules' event types", this::awaitShape);
    lifecycle.step("start sensors", this::startSensors);
    lifecycle.step("build the rule base", this::awaitRules);
    lifecycle.step("reload rules on change", this::startReloading);
    lifecycle.step("report losses", this::startLossReports);
    lifecycle.step("bound the heap", this::boundHeap);
    lifecycle.step("serve health and metrics", this::startHttp);
    SensorSet set = sensors.current();
    log.info(
        "tapio {} ready: {} rules ({}), {} event types, sensors: {}",
        BuildInfo.version(),
        rules().rules().stream().filter(r -> r.enabled()).count(),
        options.describeRules(),
        sensors.eventTypes(shape(), flows != null).size(),
        set == null ? "none" : set.statuses());
  }

  /**
   * Starts building the rules beside the next steps. What the sensors need of them comes from the
   * rule cache at once, else when the files are compiled (before the Drools rule base): the sinks,
   * enrichment and the pipeline start meanwhile.
   */
  private AutoCloseable loadRules() {
    RuleBuild build = RuleBuild.start(options);
    ruleBuild = build;
    log.info(
        "rules: event types and kernel filter {}; the rule base builds while the sensors start",
        build.cacheHit() ? "from the rule cache" : "compiled");
    metrics.reloads(() -> liveRules().stats());
    metrics.killSwitch(killSwitch::engaged);
    return () -> {};
  }

  /**
   * On a rule cache miss, the sensors wait for the rule files to compile, not for the rule base.
   */
  private AutoCloseable awaitShape() {
    shape();
    return () -> {};
  }

  /**
   * Waits for the rule base. Should the rules need other events than the cached shape the sensors
   * started with said (a stale cache entry), the sensors start again with the rules' own, before
   * the engine is ready.
   */
  private AutoCloseable awaitRules() {
    RuleBuild build = requireNonNull(ruleBuild);
    LiveRules loaded = build.live();
    liveRules = loaded;
    rules = loaded.current().live();
    metrics.rulesLoaded(rules().rules());
    metrics.shadowRulesLoaded(loaded.current().shadowRules());
    RuleShape started = shape();
    RuleShape actual = build.verify(started);
    if (!actual.equals(started)) {
      shape = actual;
      if (sensors.current() != null) {
        log.warn("sensors: starting again with the event types and kernel filter of the rules");
        sensors.close();
        openSensors();
      }
    }
    SensorSet set = sensors.current();
    if (set != null) {
      warnAboutRulesThatCannotFire(set.eventTypesDelivered());
    }
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

  /**
   * In a cluster, the NetworkPolicies, pods and namespaces as informers keep them; every connection
   * event gets their verdict before the rules and the flows see it. Outside one the verdict is
   * unknown.
   */
  private AutoCloseable watchNetworkPolicies() {
    NetworkPolicies view = KubernetesAccess.networkPolicies(options.environment()).orElse(null);
    log.info(
        "NetworkPolicy verdicts: {}", view == null ? "unknown (no Kubernetes API)" : view.status());
    judge = new PolicyJudge(view);
    return view == null ? () -> {} : view;
  }

  private AutoCloseable startOtlpMetrics() {
    if (!options.config().get(Settings.METRICS_OTLP_ENABLED)) {
      return () -> {};
    }
    OtlpMetrics pushed =
        requireNonNull(outputs)
            .metrics(
                metrics.otlp(BuildInfo.version()),
                options.config().get(Settings.METRICS_OTLP_INTERVAL))
            .orElseThrow();
    log.info("metrics go to OTLP endpoint {} every {}", pushed.endpoint(), pushed.interval());
    return pushed;
  }

  private AutoCloseable startFlows() {
    AlertOutputs out = requireNonNull(outputs);
    flows = FlowTelemetry.start(options.config(), out::flowExporter).orElse(null);
    return flows == null ? () -> {} : flows;
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
    // The host name is the pod's name in a container: only a node name that was set counts.
    String node =
        options.config().origin(Settings.NODE_NAME).source() == Origin.Source.DEFAULT
            ? null
            : options.config().get(Settings.NODE_NAME);
    KubernetesAccess.podSource(
            options.environment(), node, options.config().find(Settings.CLUSTER_NAME).orElse(null))
        .ifPresent(builder::pods);
    Enricher built = builder.build();
    enricher = built;
    built.statusLines().forEach(line -> log.info("enrichment: {}", line));
    return built;
  }

  private AutoCloseable startPipeline() {
    RuleBuild build = requireNonNull(ruleBuild);
    // Until the rule base is built, the pipeline thread waits in its first match and the events
    // the sensors deliver wait in its queue: none is matched against no rules.
    RuleMatcher matcher = event -> build.live().matcher().match(event);
    Enricher enrich = requireNonNull(enricher);
    PolicyJudge policies = judge;
    EventTap tap = EventTap.of(options);
    FlowTelemetry flowTelemetry = flows;
    Consumer<EnrichedEvent> seen =
        flowTelemetry == null ? tap : tap.andThen(flowTelemetry::observe);
    OutputAppender append = OutputAppender.of(options.config().get(Settings.APPEND_OUTPUT));
    AlertCompleter completion =
        new AlertCompleter(
            e -> enrich.awaitComplete(e, CONTAINER_LOOKUP_WAIT),
            m -> append.apply(build.live().matcher().render(m)),
            requireNonNull(alerts));
    Pipeline built =
        new Pipeline(
                event -> policies.judge(enrich.enrich(event)),
                ExecTracker.of(enrich::awaitsExec, enrich::execMissed),
                options.printEvents() ? e -> List.of() : matcher,
                completion::send,
                seen,
                65_536,
                options.config().get(Settings.REORDER_DELAY),
                sampling())
            .start();
    pipeline = built;
    return () -> {
      built.close();
      completion.flush();
      build.ifBuilt().map(LiveRules::matcher).ifPresent(SwappableMatcher::close);
      tap.close();
    };
  }

  /** When the pipeline sheds load (the sampling.* settings; off for --print-events). */
  private SamplingSettings sampling() {
    var c = options.config();
    return new SamplingSettings(
        c.get(Settings.SAMPLING_ENABLED) && !options.printEvents() && options.recordTo() == null,
        c.get(Settings.SAMPLING_QUEUE_HIGH),
        c.get(Settings.SAMPLING_QUEUE_LOW),
        c.get(Settings.SAMPLING_CPU_BUDGET),
        c.get(Settings.SAMPLING_MAX_KEEP_ONE_IN),
        c.get(Settings.SAMPLING_INTERVAL));
  }

  private AutoCloseable startSensors() {
    if (killSwitch.engaged()) {
      log.warn("sensors not started: {}", KillSwitch.DETACHED);
      return () -> {};
    }
    openSensors();
    return sensors::close;
  }

  private void openSensors() {
    sensors.open(shape(), flows != null, requireNonNull(pipeline));
  }

  /** Rule files are watched (unless rules.watch is off); SIGHUP is the CLI's, see reloadRules. */
  private AutoCloseable startReloading() throws IOException {
    LiveRules live = liveRules();
    AlertSink sink = requireNonNull(alerts);
    InternalAlerts internal = new InternalAlerts(options.config().get(Settings.NODE_NAME));
    sink.send(internal.rulesLoad(live.initialLoad()));
    live.startReloading(
        options.config().get(Settings.RULES_WATCH) && !options.printEvents(),
        this::rulesSwapped,
        load -> sink.send(internal.rulesLoad(load)));
    return live;
  }

  /** After a reload: what the metrics and the reach warnings see follows the new rules. */
  private void rulesSwapped(RuleBase base) {
    rules = base.live();
    metrics.rulesLoaded(base.live().rules());
    metrics.shadowRulesLoaded(base.shadowRules());
    sensors.rulesSwapped(base, killSwitch.engaged());
  }

  /** Reloads the rules soon, even if no file changed (SIGHUP); returns at once. */
  public void reloadRules(String reason) {
    liveRules().request(reason);
  }

  /** Reloads the rules now if a file changed, and says what happened. */
  public ReloadResult reloadRulesNow(String reason) {
    return liveRules().reloadNow(reason);
  }

  /**
   * The kill switch: detaches every BPF program now; health and metrics are still served, {@code
   * /readyz} reports why the engine is not ready. Returns what was done, for the caller to show.
   */
  public String detachSensors(String reason) {
    return killSwitch.engage(reason);
  }

  private AutoCloseable startLossReports() {
    AlertSink sink = requireNonNull(alerts);
    return new LossReporter(
        this::pipelineStats,
        () -> {
          SensorSet set = sensors.current();
          return set == null ? Map.of() : set.dropCounters();
        },
        options.config().get(Settings.LOSS_REPORT_INTERVAL),
        sink::send,
        new InternalAlerts(options.config().get(Settings.NODE_NAME)));
  }

  /** Full collections keep the old generation near its live size (see HeapBound). */
  private AutoCloseable boundHeap() {
    return HeapBound.start().<AutoCloseable>map(b -> b).orElse(() -> {});
  }

  /** Each enabled rule none of whose event types the sensors deliver here, then the count. */
  private void warnAboutRulesThatCannotFire(Set<String> delivered) {
    List<String> lines = RuleReach.report(rules().rules(), delivered);
    boolean anyDead = lines.size() > 1; // the last line is the count
    lines.forEach(line -> log.atLevel(anyDead ? Level.WARN : Level.INFO).log(line));
  }

  private AutoCloseable startHttp() throws IOException {
    EngineHealth health =
        new EngineHealth(
            () -> pipeline, () -> rules != null, sensors::current, killSwitch::engaged);
    StatusServer server =
        HttpEndpoint.start(options.config(), health, metrics, this::detachSensors).orElse(null);
    http = server;
    return server == null ? () -> {} : server;
  }

  /** Where {@code /healthz}, {@code /readyz} and {@code /metrics} are served, once started. */
  public Optional<InetSocketAddress> httpAddress() {
    return Optional.ofNullable(http).map(StatusServer::address);
  }

  /**
   * What the sensors start with: the rules' event types and kernel filter, from the cache or, on a
   * miss, waiting for the rule files to compile.
   *
   * @throws RuleSets.InvalidRulesException when the files do not load
   */
  private RuleShape shape() {
    RuleShape known = shape;
    if (known == null) {
      known = requireNonNull(ruleBuild, "rules not loaded").shape();
      shape = known;
    }
    return known;
  }

  private LiveRules liveRules() {
    return requireNonNull(liveRules, "rules not loaded");
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
