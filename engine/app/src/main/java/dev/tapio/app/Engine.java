package dev.tapio.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's whole life in one place. Start-up is the ordered list in {@link #start()}; teardown
 * is the same list in reverse.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final EngineOptions options;
  private final Lifecycle lifecycle = new Lifecycle();

  public Engine(EngineOptions options) {
    this.options = options;
  }

  /** Starts every stage, in data-flow order from the sinks back to the kernel. */
  public void start() {
    lifecycle.step("load configuration", () -> () -> {});
    lifecycle.step("load rules", () -> () -> {});
    lifecycle.step("start alert sinks", () -> () -> {});
    lifecycle.step(
        "start sensors",
        () -> {
          log.warn("no sensors yet: this build has no kernel sensors wired in");
          return () -> {};
        });
    log.info("tapio {} ready (rules: {})", BuildInfo.version(), options.describeRules());
  }

  @Override
  public void close() {
    lifecycle.close();
    log.info("tapio stopped");
  }
}
