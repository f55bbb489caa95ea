package dev.tapio.sensors;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What {@link FeatureProbe#probe} found: one result per {@link Feature}. */
public record KernelFeatures(Map<Feature, FeatureResult> results) {
  /** Reason given for a feature nobody probed. */
  public static final String NOT_PROBED = "not probed";

  public KernelFeatures {
    results = Collections.unmodifiableMap(new EnumMap<>(results));
  }

  public boolean supports(Feature feature) {
    FeatureResult r = results.get(feature);
    return r != null && r.supported();
  }

  public FeatureResult result(Feature feature) {
    FeatureResult r = results.get(feature);
    return r != null ? r : FeatureResult.refused(feature, NOT_PROBED);
  }

  /** Results in {@link Feature} order, for printing. */
  public List<FeatureResult> list() {
    return Arrays.stream(Feature.values()).map(this::result).toList();
  }

  /** Every feature supported: what a test starts from before refusing some. */
  public static KernelFeatures all() {
    Map<Feature, FeatureResult> m = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      m.put(f, FeatureResult.supported(f));
    }
    return new KernelFeatures(m);
  }

  /** A copy with {@code feature} refused for {@code detail}. */
  public KernelFeatures refuse(Feature feature, String detail) {
    Map<Feature, FeatureResult> m = new EnumMap<>(Feature.class);
    m.putAll(results);
    m.put(feature, FeatureResult.refused(feature, detail));
    return new KernelFeatures(m);
  }
}
