package dev.tapio.enrich;

import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import java.util.List;

/** Builds kernel events for tests. */
public final class Events {
  private Events() {}

  /** The time of every event built without one: 2023-11-14T22:13:20Z. */
  public static final long TIME = 1_700_000_000_000_000_000L;

  public static EventHeader header(int pid, long cgroupId) {
    return new EventHeader(TIME, pid, pid, cgroupId, Namespaces.UNKNOWN);
  }

  /** {@code exec} as if it happened at {@code timeNanos}. */
  public static ProcessExec at(long timeNanos, ProcessExec exec) {
    return withHeader(exec, moved(exec.header(), timeNanos, exec.header().execId()));
  }

  /** {@code fork} as if it happened at {@code timeNanos}. */
  public static ProcessFork at(long timeNanos, ProcessFork fork) {
    return withHeader(fork, moved(fork.header(), timeNanos, fork.header().execId()));
  }

  /** {@code exit} as if it happened at {@code timeNanos}. */
  public static ProcessExit at(long timeNanos, ProcessExit exit) {
    return new ProcessExit(
        moved(exit.header(), timeNanos, exit.header().execId()),
        exit.exitCode(),
        exit.signal(),
        exit.groupLeader());
  }

  /** {@code open} as if it happened at {@code timeNanos}. */
  public static FileOpen at(long timeNanos, FileOpen open) {
    return withHeader(open, moved(open.header(), timeNanos, open.header().execId()));
  }

  /** {@code exec} made by a task whose exec count is {@code execId} after it. */
  public static ProcessExec counted(int execId, ProcessExec exec) {
    return withHeader(exec, moved(exec.header(), exec.header().timeNanos(), execId));
  }

  /** {@code fork} made by a parent whose exec count is {@code execId}. */
  public static ProcessFork counted(int execId, ProcessFork fork) {
    return withHeader(fork, moved(fork.header(), fork.header().timeNanos(), execId));
  }

  /** {@code open} made by a task whose exec count is {@code execId}. */
  public static FileOpen counted(int execId, FileOpen open) {
    return withHeader(open, moved(open.header(), open.header().timeNanos(), execId));
  }

  private static EventHeader moved(EventHeader header, long timeNanos, int execId) {
    return new EventHeader(
        timeNanos, header.pid(), header.tid(), header.cgroupId(), header.namespaces(), execId);
  }

  private static ProcessExec withHeader(ProcessExec exec, EventHeader header) {
    return new ProcessExec(
        header,
        exec.type(),
        exec.filename(),
        exec.exePath(),
        exec.argv(),
        exec.cwd(),
        exec.comm(),
        exec.ppid(),
        exec.sessionId(),
        exec.pgid(),
        exec.tty(),
        exec.credentials(),
        exec.exeFromMemfd(),
        exec.exeUpperLayer());
  }

  private static ProcessFork withHeader(ProcessFork fork, EventHeader header) {
    return new ProcessFork(
        header, fork.type(), fork.childPid(), fork.childTid(), fork.cloneFlags(), fork.comm());
  }

  private static FileOpen withHeader(FileOpen open, EventHeader header) {
    return new FileOpen(
        header, open.type(), open.path(), open.rawPath(), open.flags(), open.mode(), open.result());
  }

  public static ProcessExec exec(int pid, int ppid, String exePath, String... argv) {
    return exec(
        pid, ppid, 0, new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0), exePath, argv);
  }

  public static ProcessExec exec(
      int pid, int ppid, long cgroupId, Credentials credentials, String exePath, String... argv) {
    return build(
        pid, ppid, cgroupId, credentials, exePath, exePath, ProcessInfo.commOf(exePath), argv);
  }

  /**
   * An exec of {@code filename} (the path passed to execve) that runs {@code exePath}, the task now
   * called {@code comm}: a symlink, a busybox applet or a script.
   */
  public static ProcessExec execAs(
      int pid, int ppid, String filename, String exePath, String comm, String... argv) {
    return build(
        pid,
        ppid,
        0,
        new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0),
        filename,
        exePath,
        comm,
        argv);
  }

  private static ProcessExec build(
      int pid,
      int ppid,
      long cgroupId,
      Credentials credentials,
      String filename,
      String exePath,
      String comm,
      String... argv) {
    return new ProcessExec(
        header(pid, cgroupId),
        "execve",
        filename,
        exePath,
        List.of(argv),
        "/home/alice",
        comm,
        ppid,
        pid,
        pid,
        34816,
        credentials,
        false,
        false);
  }

  public static ProcessFork fork(int parent, int child) {
    return new ProcessFork(header(parent, 0), "clone", child, child, 0x11, "bash");
  }

  public static ProcessFork thread(int parent, int tid) {
    return new ProcessFork(header(parent, 0), "clone", parent, tid, 0x00010000L | 0x100, "bash");
  }

  public static ProcessExit exit(int pid) {
    return new ProcessExit(header(pid, 0), 0, 0, true);
  }

  public static FileOpen open(int pid, long cgroupId, String path) {
    return new FileOpen(header(pid, cgroupId), "openat", path, path, 0, 0, 3);
  }
}
