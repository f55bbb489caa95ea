package dev.tapio.enrich.internal.proc;

import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
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

  private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();
  private final ArrayDeque<Entry> exited = new ArrayDeque<>();
  private final AtomicLong evictions = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  // grows with every entry added or removed: a lineage cached at an older version is rebuilt
  private final AtomicLong version = new AtomicLong();
  private final int maxEntries;
  private final int maxDepth;
  private final long lingerNanos;
  private final LongSupplier clock;
  private final @Nullable ProcfsReader procfs;
  private final UserDirectory users;

  /** One process; {@code info} is replaced whole on exec. */
  private static final class Entry {
    final ProcessInfo info;
    final long sequence;
    volatile long exitedAt; // clock time of the exit, 0 while alive
    volatile @Nullable UserInfo user;
    volatile long userVersion = -1;
    volatile @Nullable Lineage lineage;
    volatile long lineageVersion = -1;

    Entry(ProcessInfo info, long sequence) {
      this.info = info;
      this.sequence = sequence;
    }
  }

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
        entries.putIfAbsent(pid, new Entry(info, sequence.incrementAndGet()));
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

  /** Applies a process event; any other event leaves the table as it is. */
  public void apply(Event event) {
    switch (event) {
      case ProcessExec exec -> exec(exec);
      case ProcessFork fork -> fork(fork);
      case ProcessExit exit -> exit(exit);
      default -> {}
    }
  }

  /**
   * The process {@code pid} (a thread id resolves to its process), or null when nobody knows it.
   */
  public @Nullable ProcessInfo get(int pid) {
    Entry entry = entry(pid);
    return entry == null ? null : entry.info;
  }

  /** The process and its known ancestors, nearest first; a placeholder when the pid is unknown. */
  public Lineage lineage(int pid) {
    Entry entry = entry(pid);
    if (entry == null) {
      return Lineage.of(unknown(pid));
    }
    long current = version.get();
    Lineage cached = entry.lineage;
    if (cached != null && entry.lineageVersion == current) {
      return cached;
    }
    Lineage built = build(entry);
    entry.lineage = built;
    entry.lineageVersion = current;
    return built;
  }

  private Lineage build(Entry entry) {
    List<ProcessInfo> chain = new ArrayList<>(4);
    chain.add(entry.info);
    ProcessInfo current = entry.info;
    while (chain.size() < maxDepth && current.ppid() > 0 && current.ppid() != current.pid()) {
      Entry parent = entry(current.ppid());
      if (parent == null) {
        break;
      }
      current = parent.info;
      chain.add(current);
    }
    return new Lineage(chain);
  }

  /** The user and group of {@code pid}, names resolved and cached with the process. */
  public UserInfo user(int pid) {
    Entry entry = entry(pid);
    if (entry == null) {
      return users.resolve(UNKNOWN_CREDENTIALS);
    }
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

  private @Nullable Entry entry(int pid) {
    Entry entry = entries.get(pid);
    if (entry != null || procfs == null || pid <= 0) {
      return entry;
    }
    ProcessInfo info = procfs.read(pid);
    if (info == null) {
      return null;
    }
    return info.pid() == pid ? put(info) : entry(info.pid());
  }

  private void exec(ProcessExec exec) {
    int pid = exec.header().pid();
    Entry previous = entries.get(pid);
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
            exec.exeUpperLayer()));
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
    Entry parent = entry(parentPid);
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
            base.exeUpperLayer()));
  }

  private void exit(ProcessExit exit) {
    if (!exit.groupLeader()) {
      return; // only a thread ended
    }
    Entry entry = entries.get(exit.header().pid());
    if (entry == null || entry.exitedAt != 0) {
      return;
    }
    synchronized (this) {
      entry.exitedAt = Math.max(1, clock.getAsLong());
      exited.addLast(entry);
      expire();
    }
  }

  private synchronized Entry put(ProcessInfo info) {
    Entry entry = new Entry(info, sequence.incrementAndGet());
    entries.put(info.pid(), entry);
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
    List<Entry> oldest = new ArrayList<>(entries.values());
    oldest.sort(Comparator.comparingLong(e -> e.sequence));
    for (Entry entry : oldest) {
      if (entries.size() <= target) {
        break;
      }
      if (remove(entry)) {
        evictions.incrementAndGet();
      }
    }
  }

  private boolean remove(Entry entry) {
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
