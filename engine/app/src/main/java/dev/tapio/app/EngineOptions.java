package dev.tapio.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tapio run} was asked to do.
 *
 * @param ruleFiles rule files to load in order; empty means the bundled defaults
 * @param printEvents print decoded events instead of alerts
 */
public record EngineOptions(List<Path> ruleFiles, boolean printEvents) {

  public EngineOptions {
    ruleFiles = List.copyOf(ruleFiles);
  }

  String describeRules() {
    return ruleFiles.isEmpty() ? "bundled defaults" : ruleFiles.toString();
  }
}
