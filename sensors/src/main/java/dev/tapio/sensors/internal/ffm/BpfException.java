package dev.tapio.sensors.internal.ffm;

/**
 * A failed BPF operation: what was attempted, the errno, and the tail of libbpf's log (the
 * verifier's complaint, typically) when there was one.
 */
public class BpfException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int errno;
  private final java.util.List<String> log;

  public BpfException(String operation, int errno) {
    this(operation, errno, java.util.List.of());
  }

  /** With the libbpf log lines (verifier output) that came with the failure. */
  public BpfException(String operation, int errno, java.util.List<String> log) {
    super(operation + ": " + Errno.name(errno));
    this.errno = Math.abs(errno);
    this.log = java.util.List.copyOf(log);
  }

  /** What libbpf logged during the failed call, oldest first; empty when nothing. */
  public java.util.List<String> log() {
    return log;
  }

  /** The positive errno. */
  public int errno() {
    return errno;
  }

  public boolean isTransient() {
    return Errno.isTransient(errno);
  }
}
