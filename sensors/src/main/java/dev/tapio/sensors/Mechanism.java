package dev.tapio.sensors;

/** How a program hooks the kernel, best first, and the feature each needs. */
public enum Mechanism {
  LSM("lsm", Feature.LSM),
  FENTRY("fentry", Feature.FENTRY),
  TP_BTF("tp_btf", Feature.TP_BTF),
  RAW_TRACEPOINT("raw_tp", Feature.RAW_TRACEPOINT),
  TRACEPOINT("tracepoint", Feature.TRACEPOINT),
  KPROBE("kprobe", Feature.KPROBE);

  private final String label;
  private final Feature feature;

  Mechanism(String label, Feature feature) {
    this.label = label;
    this.feature = feature;
  }

  /** The name used in statuses: {@code enabled (tp_btf)}. */
  public String label() {
    return label;
  }

  public Feature feature() {
    return feature;
  }
}
