package dev.tapio.app.http;

import java.util.List;

/** What {@code /healthz} and {@code /readyz} ask the engine. */
public interface Health {

  /** Why the process is not alive (the pipeline thread died); empty when it is. */
  List<String> notAlive();

  /** Why the engine is not ready (rules not loaded, sensors not started); empty when it is. */
  List<String> notReady();
}
