package dev.tapio.sensors.internal.ffm;

import java.lang.foreign.MemorySegment;

/** An attached program; closing detaches it. */
public final class BpfLink implements AutoCloseable {
  private MemorySegment link;
  private final String program;

  BpfLink(MemorySegment link, String program) {
    this.link = link;
    this.program = program;
  }

  public String program() {
    return program;
  }

  @Override
  public synchronized void close() {
    if (!link.equals(MemorySegment.NULL)) {
      Libbpf1.destroyLink(link);
      link = MemorySegment.NULL;
    }
  }
}
