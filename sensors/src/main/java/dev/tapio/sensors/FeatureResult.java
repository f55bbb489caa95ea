package dev.tapio.sensors;

/**
 * Whether the kernel allowed one feature, and what the probe saw.
 *
 * @param detail empty when supported; else why not, e.g. {@code load probe_fentry: EPERM}
 */
public record FeatureResult(Feature feature, boolean supported, String detail) {
  public static FeatureResult supported(Feature feature) {
    return new FeatureResult(feature, true, "");
  }

  public static FeatureResult refused(Feature feature, String detail) {
    return new FeatureResult(feature, false, detail);
  }

  /** {@code tp_btf: supported} or {@code fentry: refused (load probe_fentry: EPERM)}. */
  @Override
  public String toString() {
    return feature.label() + ": " + (supported ? "supported" : "refused (" + detail + ")");
  }
}
