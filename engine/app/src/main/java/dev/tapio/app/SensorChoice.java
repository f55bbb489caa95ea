package dev.tapio.app;

import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
import dev.tapio.sensors.Sensors;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which event types to ask the sensors for, after the per-sensor switches: a switched-off sensor's
 * event types are left out, so it is never loaded. The process sensor has no switch (the process
 * tree every alert carries depends on it).
 */
final class SensorChoice {
  static final String FILE_SENSOR = "file";

  private SensorChoice() {}

  static Set<String> eventTypes(Set<String> wanted, EffectiveConfig config) {
    Set<String> out = new TreeSet<>(wanted);
    if (!config.get(Settings.FILE_SENSOR_ENABLED)) {
      out.removeAll(Sensors.eventTypesBySensor().getOrDefault(FILE_SENSOR, Set.of()));
    }
    return out;
  }
}
