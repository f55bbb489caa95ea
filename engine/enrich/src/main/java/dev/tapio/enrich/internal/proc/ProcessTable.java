package dev.tapio.enrich.internal.proc;

import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.enrich.ProcessTableLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Every process the engine knows, by thread-group id. Exec, fork and exit events keep it current;
 * procfs seeds it at start-up and fills a miss for a process that started before the sensors. Reads
 * are lock-free; changes take the table's lock.
 *
 * <p>Events are resolved as of their own time, not as of when they are read. Each sensor has its
 * own ring buffer and the pipeline puts events back in order only within its reorder delay; under
 * load, a {@code chroot} or an {@code openat} can be read after the {@code execve} that followed
 * it, and must still be blamed on the program that made it. So an exec (or a fork reusing a pid
 * whose previous owner exited) does not overwrite a process: it adds a {@link Generation} that
 * begins at the event's time, and the one it replaces stays reachable behind it. A lookup with a
 * time walks back to the generation current then; its ancestors are resolved as of the same time.
 *
 * <p>Generations are bounded twice: at most {@link ProcessTableLimits#generations()} per process,
 * and a replaced one is dropped at the process's first exec or lookup more than {@link
 * ProcessTableLimits#history()} (event time) after its successor began. So the table holds at most
 * {@code maxEntries × generations} programs, and in practice one or two per process (a forked copy
 * shares its strings with its parent). An event older than every generation kept is resolved to the
 * oldest and counted in {@link #historyMisses()}. Processes read from procfs have no known
 * beginning: they answer for any earlier time.
 *
 * <p>The table is bounded: when it holds more than {@link ProcessTableLimits#maxEntries()}, exited
 * processes go first, then the processes added longest ago; each one removed before its time is
 * counted in {@link #evictions()}. An exited process stays resolvable for {@link
 * ProcessTableLimits#exitLinger()} so events that arrive after its exit still find it.
 */
public final class ProcessTable {
  /** Ids of a process the table does not know: no user or group name resolves for them. */
  public static final Credentials UNKNOWN_CREDENTIALS =
      new Credentials(-1, -1, -1, -1, Credentials.NO_LOGIN_UID, 0, 0, 0);

  private static final long CLONE_THREAD = 0x00010000L;

  private final Map<Integer, Generation> entries = new ConcurrentHashMap<>();
  private final ArrayDeque<Generation> exited = new ArrayDeque<>();
  private final AtomicLong evictions = new AtomicLong();
  private final AtomicLong historyMisses = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  // grows with every entry added or removed: a lineage cached at an older version is rebuilt
  private final AtomicLong version = new AtomicLong();
  private final int maxEntries;
  private final int maxDepth;
  private final long lingerNanos;
  private final int generations;
  private final long historyNanos;
  private final LongSupplier clock;
  private final @Nullable ProcfsReader procfs;
  private final UserDirectory users;

  /**
   * @param procfs where to seed from and to fill misses, or null to know only what events say
   * @param clock monotonic nanoseconds ({@link System#nanoTime} outside tests)
   */
  public ProcessTable(
      ProcessTableLimits limits,
      @Nullable ProcfsReader procfs,
      UserDirectory users,
      LongSupplier clock) {
    this.maxEntries = limits.maxEntries();
    this.maxDepth = limits.maxDepth();
    this.lingerNanos = limits.exitLinger().toNanos();
    this.generations = limits.generations();
    this.historyNanos = limits.history().toNanos();
    this.procfs = procfs;
    this.users = users;
    this.clock = clock;
  }

  /** Adds every process procfs shows, up to the table's bound. Returns how many were added. */
  public int seed() {
    if (procfs == null) {
      return 0;
    }
    int added = 0;
    for (int pid : procfs.pids()) {
      if (entries.size() >= maxEntries) {
        break;
      }
      ProcessInfo info = procfs.read(pid);
      if (info != null && info.pid() == pid) {
        entries.putIfAbsent(
            pid,
            new Generation(
                info, sequence.incrementAndGet(), Generation.FOREVER, 0, EventHeader.NO_EXEC_ID));
        version.incrementAndGet();
        added++;
      }
    }
    return added;
  }

  /**
   * The event types {@link #apply} learns from: {@link ProcessExec} ({@code execve}, {@code
   * execveat}), {@link ProcessFork} ({@code clone}, {@code clone3}, {@code fork}, {@code vfork})
   * and {@link ProcessExit} ({@code procexit}).
   */
  public static final Set<String> EVENT_TYPES =
      Set.of("execve", "execveat", "clone", "clone3", "fork", "vfork", "procexit");

  /**
   * Applies a process event, and a successful credential change (setuid and its kin, capset): the
   * process's later events carry the user it has after it, as Falco's {@code user.*} do. Any other
   * event leaves the table as it is.
   */
  public void apply(Event event) {
    switch (event) {
      case ProcessExec exec -> exec(exec);
      case ProcessFork fork -> fork(fork);
      case ProcessExit exit -> exit(exit);
      case CredentialChange change -> credentials(change);
      default -> {}
    }
  }

  /**
   * A new generation of the process with the credentials a successful change left it, from the
   * change's time on; events before it still resolve to the old ones.
   */
  private void credentials(CredentialChange change) {
    int pid = change.header().pid();
    Generation current = entries.get(pid);
    if (change.result() < 0 || current == null) {
      return;
    }
    Credentials after = change.after();
    if (after.equals(current.info.credentials())) {
      return;
    }
    put(
        current.info.withCredentials(after),
        Math.max(change.header().timeNanos(), current.since),
        current.cgroupId,
        current.execId);
  }

  /**
   * The process {@code pid} (a thread id resolves to its process) as its latest program, or null
   * when nobody knows it.
   */
  public @Nullable ProcessInfo get(int pid) {
    Generation entry = entry(pid);
    return entry == null ? null : entry.info;
  }

  /**
   * The process {@code pid} as it was at {@code timeNanos} (event time), or null when nobody knows
   * it. Does not count a miss.
   */
  public @Nullable ProcessInfo get(int pid, long timeNanos) {
    Generation entry = entry(pid);
    return entry == null ? null : entry.at(timeNanos, historyNanos).info;
  }

  /**
   * The cgroup the process's program at {@code timeNanos} (event time) was started in, by its exec
   * or fork event; 0 when unknown (no such process, or read from procfs). For an event that names
   * no cgroup of its own, such as an audit record of a task already reaped.
   */
  public long cgroupId(int pid, long timeNanos) {
    Generation entry = entries.get(pid);
    return entry == null ? 0 : entry.at(timeNanos, historyNanos).cgroupId;
  }

  /** The latest program of the process and its known ancestors, nearest first. */
  public Lineage lineage(int pid) {
    return lineage(pid, Generation.NOW);
  }

  /**
   * The process and its known ancestors as they were at {@code timeNanos} (event time), nearest
   * first; a placeholder when the pid is unknown. An event older than every program kept for the
   * process gets the oldest and is counted in {@link #historyMisses()}.
   */
  public Lineage lineage(int pid, long timeNanos) {
    Generation head = entry(pid);
    if (head == null) {
      return Lineage.of(unknown(pid));
    }
    Generation entry = head.at(timeNanos, historyNanos);
    if (timeNanos < entry.since) {
      historyMisses.incrementAndGet();
    }
    long current = version.get();
    Lineage cached = entry.lineage;
    if (cached != null && entry.lineageVersion == current && timeNanos >= entry.lineageFrom) {
      return cached;
    }
    return build(entry, entry == head, timeNanos, current);
  }

  /**
   * Builds the lineage of {@code entry} as of {@code time}; caches it when every process in it is
   * at its latest program, so the cache answers every later event until the table changes.
   */
  private Lineage build(Generation entry, boolean latest, long time, long version) {
    List<ProcessInfo> chain = new ArrayList<>(4);
    chain.add(entry.info);
    long from = entry.since;
    ProcessInfo current = entry.info;
    while (chain.size() < maxDepth && current.ppid() > 0 && current.ppid() != current.pid()) {
      Generation head = entry(current.ppid());
      if (head == null) {
        break;
      }
      Generation parent = head.at(time, historyNanos);
      latest &= parent == head;
      from = Math.max(from, parent.since);
      current = parent.info;
      chain.add(current);
    }
    Lineage built = new Lineage(chain);
    if (latest) {
      entry.lineage = built;
      entry.lineageFrom = from;
      entry.lineageVersion = version;
    }
    return built;
  }

  /** The user and group of {@code pid} now, names resolved and cached with the process. */
  public UserInfo user(int pid) {
    return user(pid, Generation.NOW);
  }

  /** The user and group of {@code pid} at {@code timeNanos} (event time): the program's then. */
  public UserInfo user(int pid, long timeNanos) {
    Generation head = entry(pid);
    if (head == null) {
      return users.resolve(UNKNOWN_CREDENTIALS);
    }
    Generation entry = head.at(timeNanos, historyNanos);
    long version = users.version();
    UserInfo cached = entry.user;
    if (cached != null && entry.userVersion == version) {
      return cached;
    }
    UserInfo resolved = users.resolve(entry.info.credentials());
    entry.user = resolved;
    entry.userVersion = version;
    return resolved;
  }

  /** The user and group of {@code credentials}, names resolved. */
  public UserInfo user(Credentials credentials) {
    return users.resolve(credentials);
  }

  public int size() {
    return entries.size();
  }

  /** How many processes were removed early because the table was full. */
  public long evictions() {
    return evictions.get();
  }

  /** How many lookups were for a time before every program kept for their process. */
  public long historyMisses() {
    return historyMisses.get();
  }

  /**
   * Whether an event of {@code pid} whose task had exec count {@code execId} was made by a program
   * newer than the latest the table knows for it: the exec (or the fork) that began that program is
   * still on its way, in another sensor's ring read later. Comparing counts modulo 2^16, "newer"
   * means up to half the range ahead. False when either count is unknown (a process read from
   * procfs, an event whose source has no count) or the table does not know the process.
   */
  public boolean aheadOfTable(int pid, int execId) {
    if (execId == EventHeader.NO_EXEC_ID) {
      return false;
    }
    Generation latest = entries.get(pid);
    if (latest == null || latest.execId == EventHeader.NO_EXEC_ID) {
      return false;
    }
    int ahead = (execId - latest.execId) & EventHeader.MAX_EXEC_ID;
    return ahead != 0 && ahead <= EventHeader.MAX_EXEC_ID / 2;
  }

  /**
   * Takes process {@code pid} as procfs shows it now for the program with exec count {@code
   * execId}, from {@code timeNanos} on: for a process whose exec record was lost, so that its
   * events name the program procfs shows rather than the one before. Without procfs, or once the
   * process is gone, the latest program known stays, with that count, so the process's later events
   * are not taken for a newer program again.
   */
  public void adopt(int pid, int execId, long timeNanos, long cgroupId) {
    Generation latest = entries.get(pid);
    ProcessInfo info = procfs == null ? null : procfs.read(pid);
    if (info != null && info.pid() == pid) {
      put(info, timeNanos, cgroupId, execId);
    } else if (latest != null) {
      put(latest.info, Math.max(timeNanos, latest.since), latest.cgroupId, execId);
    }
  }

  private @Nullable Generation entry(int pid) {
    Generation entry = entries.get(pid);
    if (entry != null || procfs == null || pid <= 0) {
      return entry;
    }
    ProcessInfo info = procfs.read(pid);
    if (info == null) {
      return null;
    }
    return info.pid() == pid
        ? put(info, Generation.FOREVER, 0, EventHeader.NO_EXEC_ID)
        : entry(info.pid());
  }

  private void exec(ProcessExec exec) {
    int pid = exec.header().pid();
    Generation previous = entries.get(pid);
    List<String> argv = exec.argv();
    String exePath = exec.exePath().isEmpty() ? exec.filename() : exec.exePath();
    String cwd = !exec.cwd().isEmpty() || previous == null ? exec.cwd() : previous.info.cwd();
    put(
        new ProcessInfo(
            pid,
            previous == null ? pid : previous.info.vpid(),
            exec.ppid(),
            name(exec),
            argv.isEmpty() ? exec.filename() : argv.getFirst(),
            exePath,
            argv.isEmpty() ? List.of() : argv.subList(1, argv.size()),
            cwd,
            exec.sessionId(),
            exec.pgid(),
            exec.tty(),
            exec.credentials(),
            exec.header().timeNanos(),
            exec.exeFromMemfd(),
            exec.exeUpperLayer(),
            exec.env()),
        exec.header().timeNanos(),
        exec.header().cgroupId(),
        exec.header().execId());
  }

  /**
   * Falco's {@code proc.name}: the task's {@code comm} after exec, which names the path executed (a
   * busybox applet's link, a symlink, a script) and not the binary that runs. When the record
   * carries none, the kernel's rule applied to the path passed to exec.
   */
  private static String name(ProcessExec exec) {
    if (!exec.comm().isEmpty()) {
      return exec.comm();
    }
    return ProcessInfo.commOf(exec.filename().isEmpty() ? exec.exePath() : exec.filename());
  }

  private void fork(ProcessFork fork) {
    if ((fork.cloneFlags() & CLONE_THREAD) != 0 || fork.childPid() <= 0) {
      return; // a thread shares its process's entry
    }
    int parentPid = fork.header().pid();
    Generation parent = entry(parentPid);
    ProcessInfo base = parent == null ? unknown(parentPid) : parent.info;
    put(
        new ProcessInfo(
            fork.childPid(),
            fork.childPid(),
            parentPid,
            parent == null ? fork.comm() : base.name(),
            base.exe(),
            base.exePath(),
            base.args(),
            base.cwd(),
            base.sessionId(),
            base.pgid(),
            base.tty(),
            base.credentials(),
            fork.header().timeNanos(),
            base.exeFromMemfd(),
            base.exeUpperLayer(),
            base.env()),
        fork.header().timeNanos(),
        fork.header().cgroupId(),
        fork.header().execId());
  }

  private void exit(ProcessExit exit) {
    if (!exit.groupLeader()) {
      return; // only a thread ended
    }
    Generation entry = entries.get(exit.header().pid());
    if (entry == null || entry.exitedAt != 0) {
      return;
    }
    synchronized (this) {
      entry.exitedAt = Math.max(1, clock.getAsLong());
      exited.addLast(entry);
      expire();
    }
  }

  /**
   * Makes {@code info}, beginning at {@code since}, the latest program of its pid; the one it
   * replaces (an earlier program, or an exited process whose pid was reused) stays behind it.
   */
  private synchronized Generation put(ProcessInfo info, long since, long cgroupId, int execId) {
    Generation entry = new Generation(info, sequence.incrementAndGet(), since, cgroupId, execId);
    Generation replaced = entries.put(info.pid(), entry);
    if (replaced != null && since != Generation.FOREVER) {
      entry.previous = replaced;
      entry.trim(generations, historyNanos);
    }
    version.incrementAndGet();
    expire();
    if (entries.size() > maxEntries) {
      evict();
    }
    return entry;
  }

  /** Drops exited processes whose linger time is over. Caller holds the lock. */
  private void expire() {
    long now = clock.getAsLong();
    while (!exited.isEmpty() && now - exited.peekFirst().exitedAt >= lingerNanos) {
      remove(exited.pollFirst());
    }
  }

  /** Makes room: exited processes first, then the oldest, down to 7/8 of the bound. */
  private void evict() {
    int target = maxEntries - maxEntries / 8;
    while (entries.size() > target && !exited.isEmpty()) {
      if (remove(exited.pollFirst())) {
        evictions.incrementAndGet();
      }
    }
    if (entries.size() <= target) {
      return;
    }
    List<Generation> oldest = new ArrayList<>(entries.values());
    oldest.sort(Comparator.comparingLong(e -> e.sequence));
    for (Generation entry : oldest) {
      if (entries.size() <= target) {
        break;
      }
      if (remove(entry)) {
        evictions.incrementAndGet();
      }
    }
  }

  private boolean remove(Generation entry) {
    boolean removed = entries.remove(entry.info.pid(), entry);
    if (removed) {
      version.incrementAndGet();
    }
    return removed;
  }

  private static ProcessInfo unknown(int pid) {
    return new ProcessInfo(
        pid, pid, 0, "", "", "", List.of(), "", 0, 0, 0, UNKNOWN_CREDENTIALS, 0, false, false);
  }
}
