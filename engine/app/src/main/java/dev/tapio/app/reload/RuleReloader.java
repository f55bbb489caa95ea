package dev.tapio.app.reload;

import dev.tapio.app.RuleSets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules from their {@link RuleInputs}: off the event path, on its own thread; a new
 * rule base goes to {@code onSwap} (which hands it to the {@link SwappableMatcher}); files that do
 * not load leave the previous rules live and are reported in the log and in {@link #stats()}.
 * Reloads run one at a time; requests arriving during one are folded into the next.
 */
public final class RuleReloader implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RuleReloader.class);

  static final String FAILED =
      "rules reload ({}) failed; the previous rules stay live until the files load:\n{}";

  private final RuleInputs inputs;
  private final Consumer<RuleBase> onSwap;
  private final Consumer<RuleLoad> audit;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("tapio-rules-reload").daemon(true).factory());
  private String loadedHash;
  private long succeeded;
  private long failed;
  private double lastEpochSeconds;
  private boolean lastSucceeded = true;
  private @Nullable String lastError;
  private final AtomicBoolean queued = new AtomicBoolean();

  /**
   * @param onSwap takes each new rule base into use
   * @param audit sees every load that swapped rules in or failed (not those that found nothing
   *     changed)
   */
  public RuleReloader(
      RuleInputs inputs, RuleBase initial, Consumer<RuleBase> onSwap, Consumer<RuleLoad> audit) {
    this.inputs = inputs;
    this.onSwap = onSwap;
    this.audit = audit;
    this.loadedHash = initial.hash();
    this.lastEpochSeconds = now();
  }

  /**
   * Reloads on the reload thread, soon; returns at once (file watchers, signal handlers). With
   * {@code force}, the rules are rebuilt even when the files did not change (SIGHUP).
   */
  public void request(String reason, boolean force) {
    if (!queued.compareAndSet(false, true) && !force) {
      return;
    }
    thread.execute(
        () -> {
          queued.set(false);
          reload(reason, force);
        });
  }

  /** Reloads now, on the calling thread, and says what happened. */
  public synchronized ReloadResult reload(String reason, boolean force) {
    String hash = inputs.fingerprint();
    if (!force && hash.equals(loadedHash)) {
      log.debug("rules reload ({}): no file changed", reason);
      return new ReloadResult.Unchanged(hash);
    }
    lastEpochSeconds = now();
    RuleBase base;
    try {
      base = inputs.load();
    } catch (RuleSets.InvalidRulesException | IllegalArgumentException e) {
      failed++;
      lastSucceeded = false;
      lastError = e.getMessage();
      // The same files fail the same way: not reported again until they change.
      loadedHash = hash;
      log.error(FAILED, reason, e.getMessage());
      audit.accept(RuleLoad.failed(reason, inputs, hash, String.valueOf(e.getMessage())));
      return new ReloadResult.Failed(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      failed++;
      lastSucceeded = false;
      lastError = e.toString();
      log.error(FAILED, reason, e.toString(), e);
      audit.accept(RuleLoad.failed(reason, inputs, hash, e.toString()));
      return new ReloadResult.Failed(e.toString());
    }
    onSwap.accept(base);
    loadedHash = base.hash();
    succeeded++;
    lastSucceeded = true;
    lastError = null;
    log.info(
        "rules reloaded ({}): {} live rules enabled, {} shadow rules, files sha256 {}",
        reason,
        base.live().rules().stream().filter(r -> r.enabled()).count(),
        base.shadowRules().size(),
        base.hash().substring(0, 12));
    audit.accept(RuleLoad.loaded(reason, inputs, base));
    return new ReloadResult.Reloaded(base);
  }

  public synchronized ReloadStats stats() {
    return new ReloadStats(succeeded, failed, lastEpochSeconds, lastSucceeded, lastError);
  }

  private static double now() {
    Instant t = Instant.now();
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
