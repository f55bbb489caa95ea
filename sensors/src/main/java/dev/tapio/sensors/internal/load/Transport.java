package dev.tapio.sensors.internal.load;

/** How a sensor's records reach user space. */
public enum Transport {
  /** One BPF ring buffer per sensor (5.8+). */
  RING_BUFFER,
  /** One perf buffer per CPU: the fallback for older kernels. */
  PERF_BUFFER
}
