package dev.tapio.sensors.internal.ffm;

/**
 * A failed BPF operation: what was attempted, the errno, and the tail of libbpf's log (the
 * verifier's complaint, typically) when there was one.
 */
public class BpfException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int errno;

  public BpfException(String operation, int errno) {
    super(operation + ": " + Errno.name(errno));
    this.errno = Math.abs(errno);
  }

  /** The positive errno. */
  public int errno() {
    return errno;
  }

  public boolean isTransient() {
    return Errno.isTransient(errno);
  }
}
