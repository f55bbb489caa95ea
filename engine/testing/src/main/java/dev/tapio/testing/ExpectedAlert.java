package dev.tapio.testing;

import dev.tapio.api.alert.Priority;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One alert a case expects.
 *
 * @param rule the rule that must fire
 * @param priority the priority it must fire with, or null for any
 * @param count how many times it must fire over the case's events, or null for at least once
 * @param fields output fields (by Falco name, e.g. {@code proc.aname[2]}) and the text they must
 *     render as; {@code <NA>} expects a missing value
 */
public record ExpectedAlert(
    String rule, @Nullable Priority priority, @Nullable Integer count, Map<String, String> fields) {

  public ExpectedAlert {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // file order, for reports
  }
}
