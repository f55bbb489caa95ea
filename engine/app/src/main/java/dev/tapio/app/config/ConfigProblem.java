package dev.tapio.app.config;

/** One thing wrong with the configuration, where it is: {@code tapio.yaml:12:3: message}. */
public record ConfigProblem(Origin origin, String message) {
  @Override
  public String toString() {
    return origin + ": " + message;
  }
}
