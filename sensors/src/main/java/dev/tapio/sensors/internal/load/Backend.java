package dev.tapio.sensors.internal.load;

import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.util.Set;

/** Loads sensor objects into the kernel; the real one is libbpf, tests use a scripted one. */
public interface Backend {
  /**
   * Opens the sensor's object, loads only {@code programs} (plus the maps), and configures it;
   * {@code hooks} names the hooks they serve (a program several hooks share reports only theirs).
   *
   * @throws AbiMismatchException when the object's records differ from the decoders
   */
  Loaded load(SensorSpec spec, Set<String> programs, Set<String> hooks, Transport transport)
      throws BpfException;

  /**
   * How many parameters the running kernel's function {@code name} takes, where it has one to
   * attach fentry, fexit or BPF LSM programs to (its BTF describes it); empty where it has none.
   */
  java.util.OptionalInt functionParameters(String name);

  /** A loaded sensor object. */
  interface Loaded extends AutoCloseable {
    /** Attaches one loaded program; closing the result detaches it. */
    AutoCloseable attach(String program) throws BpfException;

    /** Opens the reader of the sensor's records, or null when there is nothing to read. */
    dev.tapio.sensors.internal.ffm.@org.jspecify.annotations.Nullable RecordSource openSource()
        throws BpfException;

    /** Records dropped on a full ring buffer, summed over CPUs, indexed by record kind. */
    long[] drops() throws BpfException;

    /** Records the kernel filter dropped, summed over CPUs, indexed by record kind. */
    default long[] filtered() throws BpfException {
      return new long[0];
    }

    /**
     * What the kernel counts for each loaded program, by program name: its runs (while BPF
     * statistics are on) and how often it skipped the program because another BPF program was
     * running on the same CPU ({@code recursion_misses}, 5.12+), each skip a record lost.
     */
    default java.util.Map<String, dev.tapio.sensors.internal.ffm.ProgramInfo.Counts> programCounts()
        throws BpfException {
      return java.util.Map.of();
    }

    /** Records the per-cgroup token bucket refused, summed over CPUs, indexed by record kind. */
    long[] throttled() throws BpfException;

    /**
     * Switches the kernel filter off: every open syscall's slot inactive, so every record reaches
     * the ring buffer again. Does nothing for an object without a filter.
     */
    default void disableFilter() throws BpfException {}

    /**
     * Ring-buffer bytes waiting as last seen by writers, and the most ever seen (max over CPUs).
     */
    long[] fill() throws BpfException;

    @Override
    void close();
  }

  /** The object's records do not match the decoders: never fall back, fail loudly. */
  final class AbiMismatchException extends BpfException {
    private static final long serialVersionUID = 1L;
    private final String differences;

    public AbiMismatchException(String differences) {
      super("check record layout", dev.tapio.sensors.internal.ffm.Errno.EINVAL);
      this.differences = differences;
    }

    public String differences() {
      return differences;
    }
  }
}
