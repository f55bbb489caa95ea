package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * An event that matched a correlation's step, as a Drools event: the fact a correlation's stream
 * session holds. Its timestamp is the event's kernel time in nanoseconds, the unit the session's
 * pseudo clock runs in, so windows, temporal operators and expiry are exact to the nanosecond and
 * never read the wall clock. How long it lives is the correlation's, set where the rule base is
 * built ({@link CorrelationRules}).
 */
@Role(Role.Type.EVENT)
@Timestamp("time")
public final class StepMatch {

  private final int step;
  private final Object key;
  private final long time;
  private final EnrichedEvent event;

  StepMatch(int step, Object key, long time, EnrichedEvent event) {
    this.step = step;
    this.key = key;
    this.time = time;
    this.event = event;
  }

  /** The step's index in its correlation. */
  public int getStep() {
    return step;
  }

  /** The join key: a field value, or a list of them for several keys. */
  public Object getKey() {
    return key;
  }

  /** The event's kernel time in nanoseconds. */
  public long getTime() {
    return time;
  }

  public EnrichedEvent getEvent() {
    return event;
  }

  @Override
  public String toString() {
    return "StepMatch[step=" + step + ", key=" + key + ", time=" + time + "]";
  }
}
