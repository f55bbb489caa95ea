package dev.tapio.sensors;

import dev.tapio.sensors.internal.load.LibbpfBackend;
import dev.tapio.sensors.internal.load.Retry;
import dev.tapio.sensors.internal.spec.SensorCatalog;

/** Entry point: every eBPF sensor as one {@link dev.tapio.api.spi.EventSource}. */
public final class Sensors {
  private Sensors() {}

  /** The sensors, not yet started; nothing touches the kernel before {@link SensorSet#start}. */
  public static SensorSet open(SensorConfig config) {
    return new SensorSet(
        config,
        SensorCatalog.ALL,
        new LibbpfBackend(config.ringBufferBytes(), config.selfPid()),
        Retry.standard());
  }
}
