package dev.tapio.app;

import dev.tapio.sensors.SensorSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detaches every BPF program of a running engine and keeps them off until restart: for when the
 * sensors themselves are suspected of hurting the node. The engine goes on serving health and
 * metrics (not ready), its pipeline and sinks finish what they hold, and no new event arrives.
 */
final class KillSwitch {
  private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

  static final String DETACHED =
      "kill switch engaged: every BPF program is detached; restart tapio to attach them again";
  static final String ALREADY = "kill switch already engaged: no BPF program is attached";

  private final Supplier<@Nullable SensorSet> sensors;
  private volatile boolean engaged;

  KillSwitch(Supplier<@Nullable SensorSet> sensors) {
    this.sensors = sensors;
  }

  /** Detaches every program (closing the sensors) unless done already; says which. */
  synchronized String engage(String reason) {
    if (engaged) {
      return ALREADY;
    }
    engaged = true;
    SensorSet set = sensors.get();
    if (set != null) {
      set.close();
    }
    log.warn("{} ({})", DETACHED, reason);
    return DETACHED;
  }

  boolean engaged() {
    return engaged;
  }
}
