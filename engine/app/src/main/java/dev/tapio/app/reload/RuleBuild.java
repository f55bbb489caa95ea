package dev.tapio.app.reload;

import dev.tapio.app.EngineOptions;
import dev.tapio.app.Lifecycle;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules being loaded at start, on a thread of their own ({@code tapio-rules-build}), so the
 * sensors can load beside them: the sensors need only the rules' {@link #shape()}, which the {@link
 * RuleShapeCache} has at once for rules it has seen, and which is otherwise known when the files
 * are compiled, before the Drools rule base is built. {@link #live()} waits for the rule base;
 * {@link #verify} checks it against the shape the sensors started with and stores its shape.
 */
public final class RuleBuild {
  private static final Logger log = LoggerFactory.getLogger(RuleBuild.class);

  static final String STALE =
      "rule cache: the rules need other events than their cached shape said ({}); the cache"
          + " entry is replaced";

  private final RuleShapeCache cache;
  private final String key;
  private final @Nullable RuleShape cached;
  private final CompletableFuture<RuleReports> reports = new CompletableFuture<>();
  private final CompletableFuture<LiveRules> live = new CompletableFuture<>();
  private final CompletableFuture<RuleShape> built = new CompletableFuture<>();

  private RuleBuild(RuleShapeCache cache, String key, @Nullable RuleShape cached) {
    this.cache = cache;
    this.key = key;
    this.cached = cached;
  }

  /** Starts loading the rules {@code options} name, with the cache it configures. */
  public static RuleBuild start(EngineOptions options) {
    return start(RuleInputs.of(options), RuleShapeCache.of(options.config()));
  }

  /** Starts loading the rules of {@code inputs} on their own thread; returns at once. */
  public static RuleBuild start(RuleInputs inputs, RuleShapeCache cache) {
    String key = cache.enabled() ? RuleShapeCache.key(inputs) : "";
    RuleBuild build = new RuleBuild(cache, key, cache.find(key).orElse(null));
    Thread.ofPlatform()
        .name("tapio-rules-build")
        .daemon(true)
        .start(
            () -> {
              try {
                long t0 = System.nanoTime();
                long c0 = Lifecycle.threadCpuNanos();
                RuleReports read = inputs.read();
                build.reports.complete(read);
                long t1 = System.nanoTime();
                long c1 = Lifecycle.threadCpuNanos();
                RuleBase base = read.build();
                log.debug(
                    "rules compiled in {} ms ({} ms of CPU), rule base built in {} ms ({} ms of"
                        + " CPU)",
                    (t1 - t0) / 1_000_000,
                    (c1 - c0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000,
                    (Lifecycle.threadCpuNanos() - c1) / 1_000_000);
                RuleShape shape = RuleShape.of(base);
                if (!shape.equals(build.cached)) {
                  cache.store(inputs, base); // here, not where the engine waits for the rules
                }
                build.built.complete(shape);
                build.live.complete(LiveRules.of(inputs, base, cache));
              } catch (Throwable e) {
                build.reports.completeExceptionally(e);
                build.built.completeExceptionally(e);
                build.live.completeExceptionally(e);
              }
            });
    return build;
  }

  /** Whether the shape came from the cache (the sensors need not wait for the rules). */
  public boolean cacheHit() {
    return cached != null;
  }

  /**
   * What the sensors need: the cached shape at once, else the one of the compiled files (waiting
   * for them, not for the rule base).
   *
   * @throws dev.tapio.app.RuleSets.InvalidRulesException when the files do not load
   */
  public RuleShape shape() {
    RuleShape known = cached;
    return known != null ? known : join(reports).shape();
  }

  /** Waits for the rule base; throws what loading it threw. */
  public LiveRules live() {
    return join(live);
  }

  /** The rules, if built by now. */
  public Optional<LiveRules> ifBuilt() {
    return live.isDone() && !live.isCompletedExceptionally()
        ? Optional.of(live.join())
        : Optional.empty();
  }

  /**
   * Waits for the rule base and says what it needs of the sensors. Its shape was stored in the
   * cache on the build's thread, when the cache did not have it or had another one.
   *
   * @param started the shape the sensors started with
   * @return the rule base's shape; it differs from {@code started} only when a cache entry was
   *     stale
   */
  public RuleShape verify(RuleShape started) {
    live();
    RuleShape actual = join(built);
    if (cached != null && !cached.equals(actual)) {
      log.warn(STALE, key.substring(0, Math.min(12, key.length())));
    }
    if (!actual.equals(started)) {
      log.debug("rules: shape at start {}, built {}", started, actual);
    }
    return actual;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
