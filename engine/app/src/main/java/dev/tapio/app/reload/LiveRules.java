package dev.tapio.app.reload;

import dev.tapio.app.EngineOptions;
import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine's rules while it runs: loaded once at start, then reloaded on file change and on
 * request (SIGHUP) and swapped into the {@link SwappableMatcher} between two events. The engine
 * holds one of these and asks it for {@link #current()}.
 */
public final class LiveRules implements AutoCloseable {
  private final RuleInputs inputs;
  private final SwappableMatcher matcher;
  private volatile RuleBase current;
  private final RuleBase initial;
  private @Nullable RuleReloader reloader;
  private @Nullable RuleWatcher watcher;

  private final RuleShapeCache cache;

  private LiveRules(RuleInputs inputs, RuleBase initial, RuleShapeCache cache) {
    this.inputs = inputs;
    this.cache = cache;
    this.current = initial;
    this.initial = initial;
    this.matcher = new SwappableMatcher(initial);
  }

  /** Loads the rules {@code options} name; throws with the load report when they do not load. */
  public static LiveRules load(EngineOptions options) {
    RuleInputs inputs = RuleInputs.of(options);
    return new LiveRules(inputs, inputs.load(), RuleShapeCache.off());
  }

  /**
   * The rules {@code initial} was built from {@code inputs} (see {@link RuleBuild}); each reload
   * stores its shape in {@code cache}, so the next start with the reloaded files finds it.
   */
  static LiveRules of(RuleInputs inputs, RuleBase initial, RuleShapeCache cache) {
    return new LiveRules(inputs, initial, cache);
  }

  public RuleBase current() {
    return current;
  }

  /** What the pipeline matches with; it follows every reload. */
  public SwappableMatcher matcher() {
    return matcher;
  }

  /** The audit record of the load at start. */
  public RuleLoad initialLoad() {
    return RuleLoad.loaded("start", inputs, initial);
  }

  /** As {@link #startReloading(boolean, Consumer, Consumer)}, with no audit trail. */
  public void startReloading(boolean watchFiles, Consumer<RuleBase> afterSwap) throws IOException {
    startReloading(watchFiles, afterSwap, load -> {});
  }

  /**
   * Starts reloading: on request always, on file change when {@code watchFiles}. {@code afterSwap}
   * sees each new rule base once the matcher has it (metrics, reach warnings); {@code audit} sees
   * every load that swapped rules in or failed.
   */
  public synchronized void startReloading(
      boolean watchFiles, Consumer<RuleBase> afterSwap, Consumer<RuleLoad> audit)
      throws IOException {
    RuleReloader r =
        new RuleReloader(
            inputs,
            current,
            base -> {
              matcher.swap(base);
              current = base;
              afterSwap.accept(base);
              cache.store(inputs, base);
            },
            audit);
    reloader = r;
    if (watchFiles) {
      watcher =
          RuleWatcher.start(inputs.watchedDirectories(), () -> r.request("file change", false));
    }
  }

  /** Reloads soon on the reload thread, even when no file changed; returns at once. */
  public void request(String reason) {
    RuleReloader r = reloader;
    if (r != null) {
      r.request(reason, true);
    }
  }

  /** Reloads now, if any file changed since the last load, and says what happened. */
  public ReloadResult reloadNow(String reason) {
    RuleReloader r = reloader;
    if (r == null) {
      throw new IllegalStateException("reloading has not started");
    }
    return r.reload(reason, false);
  }

  public ReloadStats stats() {
    RuleReloader r = reloader;
    return r == null ? new ReloadStats(0, 0, 0, true, null) : r.stats();
  }

  /** Stops watching and reloading. The matcher is closed by the pipeline's owner, after it. */
  @Override
  public synchronized void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
    if (reloader != null) {
      reloader.close();
    }
  }
}
