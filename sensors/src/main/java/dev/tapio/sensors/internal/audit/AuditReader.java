package dev.tapio.sensors.internal.audit;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.spi.EventSink;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.internal.decode.SyscallTable;
import dev.tapio.sensors.internal.ffm.AuditSocket;
import dev.tapio.sensors.internal.ffm.BpfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads the audit multicast group on its own thread and delivers the security events its records
 * describe. Audit records carry no namespaces or cgroup: they are read from {@code /proc/PID} while
 * the process still exists (a killed process may already be gone: then they are unknown).
 */
public final class AuditReader implements AutoCloseable {
  static final String STARTED = "netlink audit group";
  static final String NO_SOCKET = "cannot read the audit group (needs CAP_AUDIT_READ): %s";
  private static final System.Logger LOG = System.getLogger(AuditReader.class.getName());
  // bounds each socket wait, so a held twin is released at most this late after its hold
  private static final int TIMEOUT_MILLIS = 50;

  private final AuditSocket socket;
  private final AuditRecords records;
  private final EventSink sink;
  private final Runnable tick;
  private final Thread thread;
  private final AtomicLong received = new AtomicLong();
  private volatile boolean stop;

  private AuditReader(AuditSocket socket, EventSink sink, Runnable tick) {
    this.socket = socket;
    this.sink = sink;
    this.tick = tick;
    this.records = new AuditRecords(SyscallTable.built(), AuditReader::header);
    this.thread = Thread.ofPlatform().daemon().name("tapio-audit").unstarted(this::run);
  }

  /**
   * The started reader, or the reason there is none.
   *
   * @param tick run on the reader's thread after every wait for records (at least every 50 ms),
   *     e.g. to release records held for a twin
   */
  public static Started start(EventSink sink, Runnable tick) {
    try {
      AuditReader r = new AuditReader(AuditSocket.open(TIMEOUT_MILLIS), sink, tick);
      r.thread.start();
      return new Started(r, SourceStatus.enabled(STARTED));
    } catch (BpfException | RuntimeException e) {
      return new Started(null, SourceStatus.unavailable(NO_SOCKET.formatted(e.getMessage())));
    }
  }

  /** A reader (null when the socket could not be opened) and its status. */
  public record Started(@Nullable AuditReader reader, SourceStatus status) {}

  public long received() {
    return received.get();
  }

  private void run() {
    while (!stop) {
      try {
        socket.receive(this::record);
        tick.run();
      } catch (BpfException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "audit group: " + e.getMessage());
        return;
      }
    }
  }

  private void record(int type, String text) {
    try {
      Event e = records.parse(type, text);
      if (e != null) {
        received.incrementAndGet();
        sink.accept(e);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "unreadable audit record " + type + ": " + text);
    }
  }

  static EventHeader header(long timeNanos, int pid) {
    Path proc = Path.of("/proc", Integer.toString(pid));
    Namespaces ns =
        new Namespaces(
            inode(proc, "mnt"),
            inode(proc, "pid"),
            inode(proc, "net"),
            inode(proc, "uts"),
            inode(proc, "ipc"),
            inode(proc, "user"),
            inode(proc, "cgroup"));
    return new EventHeader(timeNanos, pid, pid, cgroupId(proc), ns);
  }

  private static long inode(Path proc, String ns) {
    try {
      String link = Files.readSymbolicLink(proc.resolve("ns").resolve(ns)).toString();
      return Long.parseLong(link.substring(link.indexOf('[') + 1, link.length() - 1));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The cgroup v2 directory's inode, as bpf_get_current_cgroup_id gives it. */
  private static long cgroupId(Path proc) {
    try {
      for (String line : Files.readAllLines(proc.resolve("cgroup"))) {
        if (line.startsWith("0::")) {
          Path dir = Path.of("/sys/fs/cgroup" + line.substring(3));
          return ((Number) Files.getAttribute(dir, "unix:ino")).longValue();
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not cgroup v2
    }
    return 0;
  }

  @Override
  public void close() {
    stop = true;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      socket.close();
    }
  }
}
