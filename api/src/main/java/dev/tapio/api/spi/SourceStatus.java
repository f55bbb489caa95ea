package dev.tapio.api.spi;

/**
 * How a sensor (or any other source) is doing, as {@code tapio sensors status} prints it.
 *
 * @param state enabled, partial or unavailable
 * @param mechanism what it runs on ({@code tracepoint}, {@code fentry}, {@code lsm}, ...), empty
 *     when unavailable
 * @param reason why it is partial or unavailable; empty when enabled
 */
public record SourceStatus(State state, String mechanism, String reason) {

  public enum State {
    ENABLED,
    PARTIAL,
    UNAVAILABLE
  }

  public static SourceStatus enabled(String mechanism) {
    return new SourceStatus(State.ENABLED, mechanism, "");
  }

  public static SourceStatus partial(String mechanism, String why) {
    return new SourceStatus(State.PARTIAL, mechanism, why);
  }

  public static SourceStatus unavailable(String why) {
    return new SourceStatus(State.UNAVAILABLE, "", why);
  }

  /** {@code enabled (tracepoint)}, {@code partial: why}, {@code unavailable: why}. */
  @Override
  public String toString() {
    return switch (state) {
      case ENABLED -> "enabled (" + mechanism + ")";
      case PARTIAL -> "partial: " + reason;
      case UNAVAILABLE -> "unavailable: " + reason;
    };
  }
}
