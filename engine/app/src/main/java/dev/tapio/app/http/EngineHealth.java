package dev.tapio.app.http;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.app.pipeline.Pipeline;
import dev.tapio.sensors.SensorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's health read from its stages at request time: each supplier answers with the stage as
 * it is now, null before it has started.
 */
public final class EngineHealth implements Health {
  private final Supplier<@Nullable Pipeline> pipeline;
  private final BooleanSupplier rulesLoaded;
  private final Supplier<@Nullable SensorSet> sensors;

  public EngineHealth(
      Supplier<@Nullable Pipeline> pipeline,
      BooleanSupplier rulesLoaded,
      Supplier<@Nullable SensorSet> sensors) {
    this.pipeline = pipeline;
    this.rulesLoaded = rulesLoaded;
    this.sensors = sensors;
  }

  @Override
  public List<String> notAlive() {
    Pipeline p = pipeline.get();
    return p != null && !p.running() ? List.of("the pipeline thread has stopped") : List.of();
  }

  @Override
  public List<String> notReady() {
    List<String> why = new ArrayList<>(notAlive());
    if (!rulesLoaded.getAsBoolean()) {
      why.add("rules not loaded");
    }
    SensorSet s = sensors.get();
    if (s == null) {
      why.add("sensors not started");
    } else if (s.status().state() == SourceStatus.State.UNAVAILABLE) {
      why.add("no sensor runs: " + s.status().reason());
    }
    return why;
  }
}
