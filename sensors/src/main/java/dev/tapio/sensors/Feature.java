package dev.tapio.sensors;

/** A kernel capability the sensors can use, detected by really loading (and attaching) a probe. */
public enum Feature {
  /** Kernel BTF at /sys/kernel/btf/vmlinux: CO-RE relocations work. */
  BTF("btf"),
  /** BPF_MAP_TYPE_RINGBUF (5.8+). */
  RING_BUFFER("ring buffer"),
  /** BPF_MAP_TYPE_PERF_EVENT_ARRAY. */
  PERF_BUFFER("perf buffer"),
  /** BTF-typed tracepoints (tp_btf). */
  TP_BTF("tp_btf"),
  /** Raw tracepoints (raw_tp). */
  RAW_TRACEPOINT("raw_tp"),
  /** Classic tracepoints through tracefs. */
  TRACEPOINT("tracepoint"),
  /** fentry/fexit (BPF trampolines). */
  FENTRY("fentry"),
  /** BPF LSM programs. */
  LSM("lsm"),
  /** kprobes/kretprobes. */
  KPROBE("kprobe"),
  /** cgroup_skb programs on a cgroup v2 directory. */
  CGROUP_SKB("cgroup_skb");

  private final String label;

  Feature(String label) {
    this.label = label;
  }

  /** The name {@code tapio sensors status} prints. */
  public String label() {
    return label;
  }
}
